namespace Integrify.Simulator.Api.Contracts;

internal sealed record ReportRunResponse(
    IReadOnlyList<ReportColumnResponse> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows,
    int Total);
