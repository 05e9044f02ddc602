using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.Storage.Providers;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// Refused sign-ins, counted per Teams user and per Integrify username that a password attempt
/// names, in the database so that the limit holds across every bot instance.
/// </summary>
/// <remarks>
/// An attempt reserves its slot before it reaches Integrify: the count and the new row happen under
/// one lock (<see cref="IBotDatabaseProvider.BeginSignInLockAsync"/>), so attempts made at once, on
/// any instance, cannot all see room under the limit and all go ahead. A lock rather than one
/// conditional INSERT … SELECT: under PostgreSQL's read committed, two such statements at once each
/// count without the other's row, and serializable isolation would turn the same race into retries.
/// The reserved row counts as a failure until the answer settles it, so an instance that dies
/// mid-attempt leaves it counted (failing closed) until it leaves the window.
/// </remarks>
public sealed class SignInFailures(IDbContextFactory<BotDbContext> contexts, IBotDatabaseProvider database, TimeProvider time)
{
    /// <summary>
    /// A slot for one attempt of <paramref name="user"/>, unless they, or the Integrify username the
    /// attempt names, already have <paramref name="limit"/> failures (settled or in flight) within
    /// <paramref name="window"/>. The user's failures older than the window are forgotten.
    /// </summary>
    /// <param name="integrifyUserName">The username a password attempt names; null for an API key or a magic code.</param>
    public async Task<SignInReservation> ReserveAsync(IntegrifyUser user, string? integrifyUserName, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var target = TargetOf(integrifyUserName);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);

        // Failures that left the window count for nothing, so they are forgotten before the lock,
        // which then covers as few statements as it can: attempts at once queue behind it.
        var forget = (time.GetUtcNow() - window).UtcDateTime;
        await Of(context, user).Where(f => f.At <= forget).ExecuteDeleteAsync(cancellationToken);

        await using var transaction = await database.BeginSignInLockAsync(context, user.TeamsTenantId, user.UserId, target, cancellationToken);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);

        // Read once the lock is held, so that the rows' times follow the order the lock granted.
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - window;
        var recent = await context.SignInFailures
            .Where(f => f.At > since && ((f.TeamsTenantId == user.TeamsTenantId && f.UserKey == user.UserId) || (target != null && f.TargetUserName == target)))
            .Select(f => new { f.At, Mine = f.TeamsTenantId == user.TeamsTenantId && f.UserKey == user.UserId, Against = target != null && f.TargetUserName == target })
            .ToListAsync(cancellationToken);
        var mine = LiftsAt([.. recent.Where(f => f.Mine).Select(f => f.At)], limit, window);
        var against = LiftsAt([.. recent.Where(f => f.Against).Select(f => f.At)], limit, window);
        if (Later(mine, against) is { } until)
        {
            return new SignInReservation.Blocked(until);
        }

        var slot = new SignInFailure { TeamsTenantId = user.TeamsTenantId, UserKey = user.UserId, TargetUserName = target, Pending = true, At = now };
        context.SignInFailures.Add(slot);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignInReservation.Granted(slot.Id);
    }

    /// <summary>Integrify refused the attempt: its slot stays, as a failure, for the rest of the window.</summary>
    public async Task RecordRefusalAsync(long slot, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.SignInFailures.Where(f => f.Id == slot).ExecuteUpdateAsync(setters => setters.SetProperty(f => f.Pending, false), cancellationToken);
    }

    /// <summary>
    /// The attempt succeeded: its slot goes, and so do the user's settled failures against the
    /// username it proved they know the password of, and nothing else: not failures against other
    /// usernames, nor wrong API keys or codes (which name nobody), nor other attempts still in flight.
    /// </summary>
    /// <param name="provenUserName">The username of a successful password attempt; null for an API key or a magic code, which prove nothing about earlier guesses.</param>
    public async Task RecordSuccessAsync(IntegrifyUser user, long slot, string? provenUserName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var proven = TargetOf(provenUserName);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.SignInFailures
            .Where(f => f.Id == slot
                || (proven != null && f.TeamsTenantId == user.TeamsTenantId && f.UserKey == user.UserId && f.TargetUserName == proven && !f.Pending))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Integrify gave no answer (an outage): the attempt proved nothing, and its slot is freed.</summary>
    public async Task ReleaseAsync(long slot, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.SignInFailures.Where(f => f.Id == slot).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A username as Integrify compares it: without surrounding spaces, case ignored.</summary>
    private static string? TargetOf(string? integrifyUserName) =>
        string.IsNullOrWhiteSpace(integrifyUserName) ? null : LinkedTeamsUsers.Normalize(integrifyUserName.Trim());

    /// <summary>When fewer than <paramref name="limit"/> of these failures will be left in the window; null when there are fewer now.</summary>
    private static DateTimeOffset? LiftsAt(List<DateTime> failures, int limit, TimeSpan window)
    {
        if (failures.Count < limit)
        {
            return null;
        }

        failures.Sort();
        return new DateTimeOffset(DateTime.SpecifyKind(failures[failures.Count - limit], DateTimeKind.Utc)) + window;
    }

    private static DateTimeOffset? Later(DateTimeOffset? first, DateTimeOffset? second) =>
        first is null ? second : second is null ? first : first > second ? first : second;

    private static IQueryable<SignInFailure> Of(BotDbContext context, IntegrifyUser user) =>
        context.SignInFailures.Where(f => f.TeamsTenantId == user.TeamsTenantId && f.UserKey == user.UserId);
}
