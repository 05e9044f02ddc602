namespace Integrify.Simulator.Api.Contracts;

internal sealed record ReportColumnResponse(string Key, string Label, string Type);
