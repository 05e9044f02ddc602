using System.Text.Json;
using System.Text.Json.Serialization;
using Integrify.Simulator.Api;

namespace Integrify.Simulator.Hosting;

/// <summary>Writes dates as ISO 8601 UTC (<c>2025-01-12T09:30:00Z</c>) and reads any ISO 8601 date.</summary>
internal sealed class UtcDateConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(UtcDates.Format(value));
    }
}
