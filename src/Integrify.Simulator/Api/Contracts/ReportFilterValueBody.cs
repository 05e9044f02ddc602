using System.Text.Json;

namespace Integrify.Simulator.Api.Contracts;

/// <summary>P3: the value given to one exposed filter, found by its label.</summary>
internal sealed record ReportFilterValueBody(string? Label, JsonElement Value);
