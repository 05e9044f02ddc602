using System.Runtime.CompilerServices;
using System.Text;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.Storage.Providers;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>A notification claimed for sending, and by which sender: only that sender settles it.</summary>
public sealed record ClaimedNotification(long Id, IntegrifyUser User, string RecipientTaskSid, NotificationSource Source, string? Message, int Attempts, string Sender);

/// <summary>
/// The durable outbox of task notifications (see <see cref="Notification"/>). Adding is idempotent
/// per user and task; sending goes through claims that one sender holds at a time, in any number of
/// processes; what was claimed and not settled comes back when its lease ends.
/// </summary>
public sealed class NotificationOutbox(IDbContextFactory<BotDbContext> contexts, IBotDatabaseProvider provider, TimeProvider time)
{
    /// <summary>Queues the task for the user; false when it was already queued, sent or known.</summary>
    public async Task<bool> EnqueueAsync(IntegrifyUser user, string recipientTaskSid, NotificationSource source, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await AddAsync(user, recipientTaskSid, source, message, NotificationState.Pending, cancellationToken);
    }

    /// <summary>Records tasks the user already had before the bot watched for new ones: they are never announced.</summary>
    public async Task RecordKnownAsync(IntegrifyUser user, IEnumerable<string> recipientTaskSids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recipientTaskSids);
        var sids = recipientTaskSids.Distinct(StringComparer.Ordinal).ToList();
        if (sids.Count == 0)
        {
            return;
        }

        // A statement for a hundred tasks, not one each: someone's first poll records every task they
        // have, and a write each would queue them behind SQLite's single writer.
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await KnownAsync(context, user, sids, cancellationToken);
        var unknown = sids.Where(sid => !known.Contains(sid)).Select(sid => Row(user, sid, NotificationSource.Poll, message: null, NotificationState.Known, now)).ToList();
        if (unknown.Count > 0)
        {
            await InsertNewAsync(context, unknown, cancellationToken);
        }
    }

    /// <summary>Of these tasks of the user, those the outbox already has, in any state.</summary>
    public async Task<IReadOnlySet<string>> KnownAsync(IntegrifyUser user, IReadOnlyCollection<string> recipientTaskSids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await KnownAsync(context, user, recipientTaskSids, cancellationToken);
    }

    /// <summary>
    /// What the outbox holds of each of these users, in a statement per few hundred of them rather
    /// than one each: a poll cycle compares everyone's open tasks with it. Users it holds nothing of
    /// are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<IntegrifyUser, UserOutbox>> OfUsersAsync(IReadOnlyCollection<IntegrifyUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        const int UsersPerStatement = 500;
        var found = new Dictionary<IntegrifyUser, List<UserOutbox.Row>>();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var tenant in users.GroupBy(user => user.TeamsTenantId, StringComparer.Ordinal))
        {
            foreach (var chunk in tenant.Select(user => user.UserId).Distinct(StringComparer.Ordinal).Chunk(UsersPerStatement))
            {
                var rows = await context.Notifications.AsNoTracking()
                    .Where(n => n.TeamsTenantId == tenant.Key && chunk.Contains(n.UserKey))
                    .Select(n => new { n.Id, n.UserKey, n.RecipientTaskSid, n.State, n.CreatedAt })
                    .ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    var user = new IntegrifyUser(tenant.Key, row.UserKey);
                    if (!found.TryGetValue(user, out var held))
                    {
                        found[user] = held = [];
                    }

                    held.Add(new UserOutbox.Row(row.Id, row.RecipientTaskSid, row.State, row.CreatedAt));
                }
            }
        }

        return found.ToDictionary(pair => pair.Key, pair => new UserOutbox(pair.Value));
    }

    /// <summary>
    /// Forgets the user's settled rows (sent, dead, known) of tasks that are no longer open for them,
    /// recorded before <paramref name="before"/>: a closed task is never listed again, so its row no
    /// longer prevents anything, and the outbox stays the size of people's open work. How many it forgot.
    /// </summary>
    /// <param name="open">Every task open for the user now, as Integrify listed them.</param>
    public async Task<int> ForgetClosedAsync(IntegrifyUser user, IReadOnlyCollection<string> open, DateTimeOffset before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(open);
        var held = await OfUsersAsync([user], cancellationToken);
        return held.TryGetValue(user, out var rows) ? await ForgetAsync(rows.ClosedBefore(open, before), cancellationToken) : 0;
    }

    /// <summary>
    /// Deletes these rows (as <see cref="UserOutbox.ClosedBefore"/> found them) that are still settled,
    /// in a statement per few hundred; how many it deleted. A row queued again meanwhile is kept.
    /// </summary>
    public async Task<int> ForgetAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            // Most cycles find nothing to forget, and a read does not take SQLite's write lock from the senders.
            return 0;
        }

        const int RowsPerStatement = 500;
        var forgotten = 0;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(RowsPerStatement))
        {
            forgotten += await context.Notifications
                .Where(n => chunk.Contains(n.Id) && (n.State == NotificationState.Sent || n.State == NotificationState.Dead || n.State == NotificationState.Known))
                .ExecuteDeleteAsync(cancellationToken);
        }

        return forgotten;
    }

    /// <summary>
    /// Claims up to <paramref name="count"/> notifications that are due, for <paramref name="lease"/>.
    /// Two senders never get the same row while a lease runs.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedNotification>> ClaimAsync(string sender, IReadOnlyCollection<string> tenants, int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentNullException.ThrowIfNull(tenants);
        if (tenants.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await provider.ClaimNotificationsAsync(context, sender, tenants, now, now + lease, count, cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await context.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id) && n.ClaimedBy == sender).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(n => new ClaimedNotification(n.Id, new IntegrifyUser(n.TeamsTenantId, n.UserKey), n.RecipientTaskSid, n.Source, n.Message, n.Attempts, sender))];
    }

    // Settling a claim is done by its sender only, while it still holds it: a sender whose lease ran
    // out (it was too slow, or paused) must not overwrite what the sender that took the row over did.
    // Each returns whether it settled the row.

    /// <summary>Teams took the message.</summary>
    public Task<bool> MarkSentAsync(ClaimedNotification claimed, CancellationToken cancellationToken) =>
        SettleAsync(claimed, NotificationState.Sent, retryAt: null, error: null, countAttempt: true, cancellationToken);

    /// <summary>Not sent this time; tried again at <paramref name="retryAt"/>.</summary>
    public Task<bool> RetryAsync(ClaimedNotification claimed, DateTimeOffset retryAt, string error, bool countAttempt, CancellationToken cancellationToken) =>
        SettleAsync(claimed, NotificationState.Failed, retryAt.UtcDateTime, error, countAttempt, cancellationToken);

    /// <summary>Given up, with the reason.</summary>
    public Task<bool> KillAsync(ClaimedNotification claimed, string reason, CancellationToken cancellationToken) =>
        SettleAsync(claimed, NotificationState.Dead, retryAt: null, reason, countAttempt: true, cancellationToken);

    private static async Task<IReadOnlySet<string>> KnownAsync(BotDbContext context, IntegrifyUser user, IReadOnlyCollection<string> recipientTaskSids, CancellationToken cancellationToken)
    {
        var known = await context.Notifications.AsNoTracking()
            .Where(n => n.TeamsTenantId == user.TeamsTenantId && n.UserKey == user.UserId && recipientTaskSids.Contains(n.RecipientTaskSid))
            .Select(n => n.RecipientTaskSid)
            .ToListAsync(cancellationToken);
        return known.ToHashSet(StringComparer.Ordinal);
    }

    private static Notification Row(IntegrifyUser user, string recipientTaskSid, NotificationSource source, string? message, NotificationState state, DateTime now) => new()
    {
        TeamsTenantId = user.TeamsTenantId,
        UserKey = user.UserId,
        RecipientTaskSid = recipientTaskSid,
        Source = source,
        Message = message,
        State = state,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    private async Task<bool> AddAsync(IntegrifyUser user, string recipientTaskSid, NotificationSource source, string? message, NotificationState state, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientTaskSid);
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (await context.Notifications.AnyAsync(n => n.TeamsTenantId == user.TeamsTenantId && n.UserKey == user.UserId && n.RecipientTaskSid == recipientTaskSid, cancellationToken))
        {
            return false;
        }

        return await InsertNewAsync(context, [Row(user, recipientTaskSid, source, message, state, now)], cancellationToken) == 1;
    }

    /// <summary>
    /// Inserts the rows whose task the user does not have in the outbox yet, in as few statements as
    /// the engines' limits on parameters allow; how many it inserted. The poller and a push (or two
    /// instances) may find a task at once: the unique index keeps one row, and the other insert is
    /// skipped rather than failed, so nothing is logged as a database error.
    /// </summary>
    private static async Task<int> InsertNewAsync(BotDbContext context, IReadOnlyList<Notification> rows, CancellationToken cancellationToken)
    {
        const int RowsPerStatement = 100;
        var inserted = 0;
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("""INSERT INTO "Notifications" ("TeamsTenantId", "UserKey", "RecipientTaskSid", "Source", "Message", "State", "Attempts", "NextAttemptAt", "CreatedAt") VALUES """);
            var values = new List<object?>();
            foreach (var row in chunk)
            {
                object?[] columns = [row.TeamsTenantId, row.UserKey, row.RecipientTaskSid, row.Source.ToString(), row.Message, row.State.ToString(), row.Attempts, row.NextAttemptAt, row.CreatedAt];
                sql.Append(values.Count == 0 ? "(" : ", (")
                    .AppendJoin(", ", columns.Select((_, column) => $"{{{values.Count + column}}}"))
                    .Append(')');
                values.AddRange(columns);
            }

            sql.Append(""" ON CONFLICT ("TeamsTenantId", "UserKey", "RecipientTaskSid") DO NOTHING""");
            inserted += await context.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql.ToString(), [.. values]), cancellationToken);
        }

        return inserted;
    }

    private async Task<bool> SettleAsync(ClaimedNotification claimed, NotificationState state, DateTime? retryAt, string? error, bool countAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var now = time.GetUtcNow().UtcDateTime;
        var reason = error is null ? null : error.Length <= 500 ? error : error[..500];
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settled = await context.Notifications.Where(n => n.Id == claimed.Id && n.ClaimedBy == claimed.Sender).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(n => n.State, state)
                .SetProperty(n => n.Attempts, n => n.Attempts + (countAttempt ? 1 : 0))
                .SetProperty(n => n.NextAttemptAt, n => retryAt ?? n.NextAttemptAt)
                .SetProperty(n => n.SentAt, n => state == NotificationState.Sent ? now : n.SentAt)
                .SetProperty(n => n.LastError, reason)
                .SetProperty(n => n.ClaimedBy, (string?)null)
                .SetProperty(n => n.ClaimedUntil, (DateTime?)null),
            cancellationToken);
        return settled == 1;
    }
}
