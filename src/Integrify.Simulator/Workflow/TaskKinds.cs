namespace Integrify.Simulator.Workflow;

internal static class TaskKinds
{
    public static string ApiName(this TaskKind kind) => kind switch
    {
        TaskKind.Approval => "approval",
        TaskKind.Form => "form",
        TaskKind.OpenUrl => "openUrl",
        TaskKind.Milestone => "milestone",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static TaskKind? FromApiName(string? name)
    {
        foreach (var kind in Enum.GetValues<TaskKind>())
        {
            if (string.Equals(kind.ApiName(), name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}
