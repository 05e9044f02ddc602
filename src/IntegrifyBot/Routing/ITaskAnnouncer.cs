namespace IntegrifyBot.Routing;

/// <summary>
/// Tells the Teams users linked to an Integrify user about a task that has just become theirs, as
/// a *New task for you* message through the notification outbox: at once, and never twice, however
/// else (a poll, a push) the task is found.
/// </summary>
public interface ITaskAnnouncer
{
    /// <param name="integrifyUserName">Whose task it now is, by Integrify user name.</param>
    /// <param name="message">A line shown with the task (escaped), or null.</param>
    /// <returns>For how many of their Teams users it was queued: none when nobody is linked, notifications are off, or it was queued already.</returns>
    Task<int> AnnounceAsync(string integrifyUserName, string recipientTaskSid, string? message, CancellationToken cancellationToken);
}
