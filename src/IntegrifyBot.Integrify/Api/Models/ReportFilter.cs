using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrifyBot.Integrify.Api.Json;

namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>P2: a report filter in the legacy API's PascalCase shape; only exposed ones are asked of the user.</summary>
public sealed record ReportFilter
{
    public string? MappingVal { get; init; }
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Expose { get; init; }
    public JsonElement? Value { get; init; }
    public string? Text { get; init; }
    public string? Operator { get; init; }

    /// <summary>For example ExposeTextFilter, ExposeNumberFilter, ExposeDateFilter, ExposeChoiceFilter.</summary>
    public string? FieldType { get; init; }
    public JsonElement? Options { get; init; }
}
