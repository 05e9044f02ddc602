namespace IntegrifyBot.Features.Tasks;

/// <summary>What the bot can do with a task of each Integrify task type.</summary>
public static class TaskKinds
{
    public const string Approval = "approval";

    public static bool IsApproval(string? taskType) => string.Equals(taskType, Approval, StringComparison.OrdinalIgnoreCase);

    /// <summary>Open-URL and milestone tasks are completed with one button; everything else opens in Integrify.</summary>
    public static CompletableTaskType? Completable(string? taskType) => taskType?.ToUpperInvariant() switch
    {
        "OPENURL" => CompletableTaskType.OpenUrl,
        "MILESTONE" => CompletableTaskType.Milestone,
        _ => null,
    };

    /// <summary>"openUrl" → "Open URL": how a type reads on a card.</summary>
    public static string Describe(string? taskType) => taskType?.ToUpperInvariant() switch
    {
        "APPROVAL" => "Approval",
        "OPENURL" => "Open URL",
        "MILESTONE" => "Milestone",
        "FORM" => "Form",
        "DATACONTAINER" => "Data",
        null or "" => "Task",
        _ => taskType,
    };
}
