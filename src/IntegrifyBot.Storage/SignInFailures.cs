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
    /// <summary>When the user's refused sign-ins since <paramref name="since"/> happened, oldest first.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> SinceAsync(IntegrifyUser user, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var from = since.UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var times = await Of(context, user).Where(f => f.At > from).Select(f => f.At).ToListAsync(cancellationToken);
        return times.Order().Select(at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))).ToList();
    }

    /// <summary>Records a failure and forgets the user's failures older than <paramref name="forgetBefore"/>.</summary>
    public async Task RecordAsync(IntegrifyUser user, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var forget = forgetBefore.UtcDateTime;
        await Of(context, user).Where(f => f.At <= forget).ExecuteDeleteAsync(cancellationToken);
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
