using IntegrifyBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>A tenant whose notifications a sender holds, with what Teams last asked of it.</summary>
/// <param name="PausedUntil">Until when Teams asked the tenant to wait, or null.</param>
/// <param name="LearnedLimit">Messages a second Teams took before its last 429, or null.</param>
public sealed record HeldTenant(string TeamsTenantId, DateTimeOffset? PausedUntil, int? LearnedLimit);

/// <summary>
/// Shares Teams tenants among the bot's instances: each tenant's notifications are sent by one
/// instance at a time, which keeps Teams' per-tenant and per-conversation limits alone, as Teams
/// counts them across every instance. Leases last a short while and are renewed by their holder;
/// those of an instance that died are taken over once they lapse, and a stopping instance hands its
/// own back at once. Live senders share the tenants out evenly, so one started later gets its part.
/// Every change is one conditional statement, safe with any number of instances.
/// </summary>
public sealed class TenantSendLeases(IDbContextFactory<BotDbContext> contexts, TimeProvider time)
{
    /// <summary>How many tenants with notifications waiting are looked at in one go.</summary>
    private const int MaxTenantsLooked = 200;

    /// <summary>
    /// Tenants with notifications due and unclaimed that no other live sender holds: those
    /// <paramref name="holder"/> may send, if it holds (or takes) their lease.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitingAsync(string holder, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await Due(context, holder, now)
            .Select(n => n.TeamsTenantId)
            .Distinct()
            .OrderBy(tenant => tenant)
            .Take(MaxTenantsLooked)
            .ToListAsync(cancellationToken);
    }

    /// <summary>When the next notification <paramref name="holder"/> could send comes due; null when none waits.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(string holder, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var next = await Waiting(context, holder, now).MinAsync(n => (DateTime?)n.NextAttemptAt, cancellationToken);
        return next is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>
    /// Renews <paramref name="holder"/>'s leases and its place among the live senders, hands back
    /// what it holds beyond its fair share, and takes free leases of <paramref name="wanted"/> up to
    /// it. Called between batches, when the holder has nothing on its way to Teams.
    /// </summary>
    /// <returns>The tenants the holder now holds.</returns>
    public async Task<IReadOnlyList<HeldTenant>> HoldAsync(string holder, IReadOnlyCollection<string> wanted, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentNullException.ThrowIfNull(wanted);
        var now = Now;
        var until = now + lease;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await RenewAsync(context, holder, now, until, cancellationToken);

        var senders = await context.NotificationSenders.CountAsync(b => b.AliveUntil >= now, cancellationToken);
        var busy = await context.TenantSendLeases.Where(l => l.HeldUntil >= now).Select(l => l.TeamsTenantId).ToListAsync(cancellationToken);
        var share = (int)Math.Ceiling(busy.Union(wanted, StringComparer.Ordinal).Count() / (double)Math.Max(1, senders));
        var mine = await context.TenantSendLeases.Where(l => l.Holder == holder).Select(l => l.TeamsTenantId).ToListAsync(cancellationToken);

        // Beyond the share, idle tenants go back first: a busy one moving costs its next sends a look-up.
        foreach (var surplus in mine.OrderBy(tenant => wanted.Contains(tenant)).Take(Math.Max(0, mine.Count - share)).ToList())
        {
            await context.TenantSendLeases.Where(l => l.TeamsTenantId == surplus && l.Holder == holder)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.HeldUntil, now.AddTicks(-1)), cancellationToken);
            mine.Remove(surplus);
        }

        foreach (var tenant in wanted.Where(tenant => !mine.Contains(tenant)).ToList())
        {
            if (mine.Count >= share)
            {
                break;
            }

            if (await TakeAsync(holder, tenant, now, until, cancellationToken))
            {
                mine.Add(tenant);
            }
        }

        var held = await context.TenantSendLeases.AsNoTracking().Where(l => l.Holder == holder && l.HeldUntil >= now).ToListAsync(cancellationToken);
        return [.. held.Select(l => new HeldTenant(l.TeamsTenantId, l.PausedUntil is { } paused ? new DateTimeOffset(DateTime.SpecifyKind(paused, DateTimeKind.Utc)) : null, l.LearnedLimit))];
    }

    /// <summary>
    /// Only renews <paramref name="holder"/>'s leases and its place among the live senders: for a
    /// batch that outlasts a lease, so that no other instance takes its tenants while it still sends.
    /// </summary>
    public async Task RenewAsync(string holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await RenewAsync(context, holder, now, now + lease, cancellationToken);
    }

    /// <summary>Keeps what a 429 taught about the tenant with its lease, for whichever instance sends to it next.</summary>
    public async Task RecordPauseAsync(string teamsTenantId, DateTimeOffset pausedUntil, int learnedLimit, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var until = pausedUntil.UtcDateTime;
        await context.TenantSendLeases.Where(l => l.TeamsTenantId == teamsTenantId)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.PausedUntil, until).SetProperty(l => l.LearnedLimit, learnedLimit), cancellationToken);
    }

    /// <summary>A stopping sender hands its tenants back at once and leaves the live senders.</summary>
    public async Task ReleaseAsync(string holder, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.TenantSendLeases.Where(l => l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.HeldUntil, now.AddTicks(-1)), cancellationToken);
        await context.NotificationSenders.Where(b => b.Name == holder).ExecuteDeleteAsync(cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Unclaimed notifications that are due, of tenants no other live sender holds.</summary>
    private static IQueryable<Notification> Due(BotDbContext context, string holder, DateTime now) =>
        Waiting(context, holder, now).Where(n => n.NextAttemptAt <= now);

    private static IQueryable<Notification> Waiting(BotDbContext context, string holder, DateTime now) =>
        context.Notifications.AsNoTracking().Where(n =>
            (n.State == NotificationState.Pending || n.State == NotificationState.Failed)
            && (n.ClaimedUntil == null || n.ClaimedUntil < now)
            && !context.TenantSendLeases.Any(l => l.TeamsTenantId == n.TeamsTenantId && l.Holder != holder && l.HeldUntil >= now));

    /// <summary>The sender's place among the live ones and its leases, until <paramref name="until"/>; senders long gone are swept out on the way.</summary>
    private static async Task RenewAsync(BotDbContext context, string holder, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        await context.TenantSendLeases.Where(l => l.Holder == holder).ExecuteUpdateAsync(set => set.SetProperty(l => l.HeldUntil, until), cancellationToken);
        if (await context.NotificationSenders.Where(b => b.Name == holder).ExecuteUpdateAsync(set => set.SetProperty(b => b.AliveUntil, until), cancellationToken) == 0)
        {
            await InsertOnceAsync(context, new NotificationSenderBeat { Name = holder, AliveUntil = until }, cancellationToken);
        }

        await context.NotificationSenders.Where(b => b.AliveUntil < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Takes the tenant's lease when nobody holds it, or its holder let it lapse.</summary>
    private async Task<bool> TakeAsync(string holder, string tenant, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await context.TenantSendLeases.AnyAsync(l => l.TeamsTenantId == tenant, cancellationToken))
        {
            await InsertOnceAsync(context, new TenantSendLease { TeamsTenantId = tenant, HeldUntil = now.AddTicks(-1) }, cancellationToken);
        }

        return await context.TenantSendLeases
            .Where(l => l.TeamsTenantId == tenant && (l.Holder == null || l.Holder == holder || l.HeldUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.HeldUntil, until), cancellationToken) == 1;
    }

    /// <summary>Adds a row another instance may be adding at the same moment: either insert wins, and the other is no failure.</summary>
    private static async Task InsertOnceAsync<TEntity>(BotDbContext context, TEntity row, CancellationToken cancellationToken)
        where TEntity : class
    {
        context.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Inserted by another instance meanwhile: the conditional update that follows decides.
        }
        finally
        {
            context.ChangeTracker.Clear();
        }
    }
}
