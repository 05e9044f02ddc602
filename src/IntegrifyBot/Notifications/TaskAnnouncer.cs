using IntegrifyBot.Routing;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.Notifications;

/// <summary>
/// Queues a task for every Teams user linked to its Integrify assignee who has not turned
/// notifications off, and wakes this instance's sender. The outbox keeps one row per person and
/// task, so whoever announces the task first (a push, a reassignment, a poll) is the only one heard.
/// </summary>
internal sealed class TaskAnnouncer(
    LinkedTeamsUsers linkedUsers,
    NotificationOutbox outbox,
    NotificationPreferences preferences,
    NotificationSignal signal) : ITaskAnnouncer
{
    public async Task<int> AnnounceAsync(string integrifyUserName, string recipientTaskSid, string? message, CancellationToken cancellationToken) =>
        (await QueueAsync(integrifyUserName, recipientTaskSid, message, cancellationToken)).Queued;

    /// <returns>How many Teams users are linked to the Integrify user, and for how many it was queued.</returns>
    public async Task<(int Linked, int Queued)> QueueAsync(string integrifyUserName, string recipientTaskSid, string? message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integrifyUserName);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientTaskSid);
        // Cut to what the outbox keeps (a push is refused longer; a reassignment's comment is not).
        var line = message is { Length: > Notification.MaxMessageLength } ? message[..Notification.MaxMessageLength] : message;
        var users = await linkedUsers.FindAsync(integrifyUserName, cancellationToken);
        var queued = 0;
        foreach (var user in users)
        {
            // Told by an event rather than found by polling: the outbox's Push source.
            if ((await preferences.GetAsync(user, cancellationToken)).Enabled
                && await outbox.EnqueueAsync(user, recipientTaskSid, NotificationSource.Push, line, cancellationToken))
            {
                queued++;
            }
        }

        if (queued > 0)
        {
            signal.Wake();
        }

        return (users.Count, queued);
    }
}
