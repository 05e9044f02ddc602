namespace Integrify.Simulator.Demo;

/// <summary>One step already done in a seeded request: the approval value chosen (null: approve or simply complete) and a comment.</summary>
internal sealed record HistoryStep(string? Choice = null, string? Comment = null)
{
    public static HistoryStep Done { get; } = new();

    public static HistoryStep Approved(string? comment = null) => new("Approve", comment);
}
