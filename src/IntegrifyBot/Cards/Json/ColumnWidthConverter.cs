using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Cards.Json;

public sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ColumnWidth.Weighted(reader.GetInt32());
        }

        var text = reader.GetString() ?? string.Empty;
        return text switch
        {
            "auto" => ColumnWidth.Auto,
            "stretch" => ColumnWidth.Stretch,
            _ when text.EndsWith("px", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var pixels)
                => ColumnWidth.InPixels(pixels),
            _ => throw new JsonException($"\"{text}\" is not a column width."),
        };
    }

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Keyword is not null)
        {
            writer.WriteStringValue(value.Keyword);
        }
        else if (value.Pixels > 0)
        {
            writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{value.Pixels}px"));
        }
        else
        {
            writer.WriteNumberValue(value.Weight);
        }
    }
}
