using System.Text.Json.Serialization;

namespace Integrify.Simulator.Api.Contracts;

/// <summary>P2, in the legacy API's PascalCase.</summary>
internal sealed record ReportFilterResponse(
    [property: JsonPropertyName("MappingVal")] string MappingVal,
    [property: JsonPropertyName("Expose")] bool Expose,
    [property: JsonPropertyName("Value")] object? Value,
    [property: JsonPropertyName("Text")] string Text,
    [property: JsonPropertyName("Operator")] string Operator,
    [property: JsonPropertyName("FieldType")] string FieldType,
    [property: JsonPropertyName("Options")] IReadOnlyList<string>? Options);
