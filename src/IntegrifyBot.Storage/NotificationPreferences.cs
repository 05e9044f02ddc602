using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>Users' notification settings and where polling for them stands (see <see cref="NotificationSettings"/>).</summary>
public sealed class NotificationPreferences(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>The user's settings; the defaults (notifications on) when they never chose.</summary>
    public async Task<NotificationSettings> GetAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.TeamsTenantId == user.TeamsTenantId && s.UserKey == user.UserId, cancellationToken)
            ?? Defaults(user);
    }

    /// <summary>The settings of someone who never chose: notifications on.</summary>
    public static NotificationSettings Defaults(IntegrifyUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new NotificationSettings { TeamsTenantId = user.TeamsTenantId, UserKey = user.UserId };
    }

    /// <summary>Everyone's settings who has any (the others have the defaults), by user.</summary>
    public async Task<IReadOnlyDictionary<IntegrifyUser, NotificationSettings>> AllAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await context.NotificationSettings.AsNoTracking().ToListAsync(cancellationToken);
        return all.ToDictionary(s => new IntegrifyUser(s.TeamsTenantId, s.UserKey));
    }

    /// <summary>Changes the user's settings, creating them on first use.</summary>
    public async Task UpdateAsync(IntegrifyUser user, Action<NotificationSettings> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(change);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await FindAsync(context, user, cancellationToken);
        if (settings is null)
        {
            // A user's first turns often come together (each reports their time zone): the row is
            // created by whichever comes first, and the others find it, with no insert that fails.
            var defaults = Defaults(user);
            await context.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "NotificationSettings" ("TeamsTenantId", "UserKey", "Enabled") VALUES ({defaults.TeamsTenantId}, {defaults.UserKey}, {defaults.Enabled})
                ON CONFLICT ("TeamsTenantId", "UserKey") DO NOTHING
                """,
                cancellationToken);

            // Gone again only when the user signed out at this very moment: then nothing is kept for them.
            settings = await FindAsync(context, user, cancellationToken);
            if (settings is null)
            {
                return;
            }
        }

        change(settings);
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Records that these users' tasks were read now, for those whose settings exist already: a few
    /// statements for a whole poll cycle, where a write per user would queue thousands of them
    /// behind SQLite's single writer.
    /// </summary>
    public async Task RecordPolledAsync(IReadOnlyCollection<IntegrifyUser> users, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var now = at.UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var tenant in users.GroupBy(user => user.TeamsTenantId, StringComparer.Ordinal))
        {
            foreach (var chunk in tenant.Select(user => user.UserId).Chunk(500))
            {
                await context.NotificationSettings
                    .Where(s => s.TeamsTenantId == tenant.Key && chunk.Contains(s.UserKey))
                    .ExecuteUpdateAsync(setters => setters.SetProperty(s => s.LastPolledAt, now), cancellationToken);
            }
        }
    }

    /// <summary>The settings of everyone who asked for a daily digest and has notifications on.</summary>
    public async Task<IReadOnlyList<NotificationSettings>> WithDigestAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.NotificationSettings.AsNoTracking()
            .Where(s => s.DigestHour != null && s.Enabled)
            .ToListAsync(cancellationToken);
    }

    private static Task<NotificationSettings?> FindAsync(BotDbContext context, IntegrifyUser user, CancellationToken cancellationToken) =>
        context.NotificationSettings.SingleOrDefaultAsync(s => s.TeamsTenantId == user.TeamsTenantId && s.UserKey == user.UserId, cancellationToken);
}
