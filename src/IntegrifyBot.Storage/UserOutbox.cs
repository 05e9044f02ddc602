using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.Storage;

/// <summary>
/// What the outbox held of one user when it was read (see <see cref="NotificationOutbox.OfUsersAsync"/>):
/// enough to tell which of their open tasks it knows already and which of its rows are for tasks now closed.
/// </summary>
public sealed class UserOutbox
{
    private readonly IReadOnlyList<Row> rows;
    private readonly HashSet<string> tasks;

    public UserOutbox(IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        this.rows = rows;
        tasks = rows.Select(row => row.RecipientTaskSid).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A user the outbox holds nothing of.</summary>
    public static UserOutbox Empty { get; } = new([]);

    /// <summary>Whether the outbox has the task for the user, in any state.</summary>
    public bool Has(string recipientTaskSid) => tasks.Contains(recipientTaskSid);

    /// <summary>
    /// The settled rows (sent, dead, known) of tasks not in <paramref name="open"/>, recorded before
    /// <paramref name="before"/>: those <see cref="NotificationOutbox.ForgetAsync"/> may delete.
    /// </summary>
    /// <param name="open">Every task open for the user now, as Integrify listed them.</param>
    public IReadOnlyList<long> ClosedBefore(IReadOnlyCollection<string> open, DateTimeOffset before)
    {
        ArgumentNullException.ThrowIfNull(open);
        var cutoff = before.UtcDateTime;
        List<long>? closed = null;
        ICollection<string>? stillOpen = null;
        foreach (var row in rows)
        {
            if (row.CreatedAt < cutoff && row.State is NotificationState.Sent or NotificationState.Dead or NotificationState.Known)
            {
                // Looked through as it is when short, and made a set only when some row could be forgotten.
                stillOpen ??= open.Count <= 8 && open is ICollection<string> few ? few : open.ToHashSet(StringComparer.Ordinal);
                if (!stillOpen.Contains(row.RecipientTaskSid))
                {
                    (closed ??= []).Add(row.Id);
                }
            }
        }

        return closed ?? (IReadOnlyList<long>)[];
    }

    /// <summary>One row of the outbox, as far as comparing it with the user's open tasks goes.</summary>
    public sealed record Row(long Id, string RecipientTaskSid, NotificationState State, DateTime CreatedAt);
}
