using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrifyBot.Integrify.Api.Json;

/// <summary>
/// Reads a flag that Integrify may send as a boolean, a number or a string: report filters carry
/// "Expose" as true in some versions and as a field id such as "ID" in others, which also means
/// exposed. Empty, "false", "0" and null read as false.
/// </summary>
public sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        JsonTokenType.Number => reader.TryGetDouble(out var number) && number != 0,
        JsonTokenType.String => reader.GetString() is { Length: > 0 } text
            && !text.Equals("false", StringComparison.OrdinalIgnoreCase)
            && text != "0",
        _ => throw new JsonException("Expected a flag."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}
