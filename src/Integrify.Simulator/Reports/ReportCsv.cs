using System.Globalization;
using System.Text;
using Integrify.Simulator.Api;

namespace Integrify.Simulator.Reports;

/// <summary>RFC 4180 CSV: a header row of column labels, CRLF line ends, fields quoted when they hold a comma, quote or line break.</summary>
internal static class ReportCsv
{
    public static string Write(IReadOnlyList<ReportColumn> columns, IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var csv = new StringBuilder();
        AppendLine(csv, columns.Select(column => column.Label));
        foreach (var row in rows)
        {
            AppendLine(csv, columns.Select(column => Cell(column, row.GetValueOrDefault(column.Key))));
        }

        return csv.ToString();
    }

    public static string Cell(ReportColumn column, object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset date => UtcDates.Format(date),
        decimal amount when column.Type == ColumnType.Currency => amount.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void AppendLine(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Quote));
        csv.Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
