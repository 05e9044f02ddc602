namespace IntegrifyBot.Notifications;

/// <summary>How the outbox writes a recipient task's sid, whoever found the task.</summary>
public static class RecipientTasks
{
    /// <summary>
    /// A sid that is a GUID written as Integrify's API writes them (lower-case, no braces): the same
    /// task written another way by a push and by the task list would be two outbox rows, announced twice.
    /// </summary>
    public static string Canonical(string sid) => Guid.TryParse(sid, out var guid) ? guid.ToString("D") : sid;
}
