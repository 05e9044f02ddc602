using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// Refused sign-ins per Teams user, in the database so that the limit holds across every bot
/// instance rather than once per instance.
/// </summary>
public sealed class SignInFailures(IDbContextFactory<BotDbContext> contexts, TimeProvider time)
{
    public async Task<int> CountSinceAsync(IntegrifyUser user, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await Of(context, user).CountAsync(f => f.At > since.UtcDateTime, cancellationToken);
    }

    /// <summary>The oldest failure still inside the window, which is when the next attempt becomes possible.</summary>
    public async Task<DateTimeOffset?> OldestSinceAsync(IntegrifyUser user, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var times = await Of(context, user).Where(f => f.At > since.UtcDateTime).Select(f => f.At).ToListAsync(cancellationToken);
        return times.Count == 0 ? null : new DateTimeOffset(DateTime.SpecifyKind(times.Min(), DateTimeKind.Utc));
    }

    /// <summary>Records a failure and forgets the user's failures older than <paramref name="forgetBefore"/>.</summary>
    public async Task RecordAsync(IntegrifyUser user, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await Of(context, user).Where(f => f.At <= forgetBefore.UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        context.SignInFailures.Add(new SignInFailure { TeamsTenantId = user.TeamsTenantId, UserKey = user.UserId, At = time.GetUtcNow().UtcDateTime });
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task ClearAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await Of(context, user).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<SignInFailure> Of(BotDbContext context, IntegrifyUser user) =>
        context.SignInFailures.Where(f => f.TeamsTenantId == user.TeamsTenantId && f.UserKey == user.UserId);
}
