using System.Text;

namespace Integrify.Simulator.Tests.Infrastructure;

/// <summary>A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.</summary>
public static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var index = 0;
        while (index < text.Length)
        {
            if (text[index] == '"' && field.Length == 0)
            {
                index++;
                while (!(text[index] == '"' && (index + 1 == text.Length || text[index + 1] != '"')))
                {
                    field.Append(text[index]);
                    index += text[index] == '"' ? 2 : 1;
                }

                index++;
                continue;
            }

            if (text[index] == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                index++;
            }
            else if (text[index] == '\r' && text[index + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                index += 2;
            }
            else
            {
                Assert.NotEqual('\n', text[index]);
                field.Append(text[index++]);
            }
        }

        Assert.True(field.Length == 0 && record.Count == 0, "The CSV must end with CRLF.");
        return records;
    }
}
