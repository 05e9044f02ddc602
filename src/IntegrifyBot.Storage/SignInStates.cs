using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.Storage.Providers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// The sign-in page's states. A state is issued to one Teams user for one link card, opens the page
/// once, and expires; the credential the page obtains is held encrypted until that same Teams user
/// confirms from Teams with the magic code, so a page link forwarded to someone else can never tie
/// their Integrify account to the sender's Teams account. Kept in the database, so the page and the
/// confirmation may reach different bot instances.
/// </summary>
public sealed class SignInStates(IDbContextFactory<BotDbContext> contexts, IBotDatabaseProvider database, IDataProtectionProvider protection, TimeProvider time)
{
    public const string CredentialPurpose = "IntegrifyBot.PendingSignIn";

    private readonly IDataProtector protector = protection.CreateProtector(CredentialPurpose);

    /// <summary>
    /// A new state for the user, valid for <paramref name="lifetime"/>, which replaces their oldest
    /// when they already have <paramref name="keep"/>: link cards come with every turn of someone not
    /// linked, and each would otherwise leave a row until it expires. A state whose credential waits
    /// for its magic code is replaced only after every state without one: the person has already
    /// signed in there, and another card shown meanwhile (they sent something else before the code)
    /// must not undo that. Expired states of everyone are purged.
    /// </summary>
    public async Task<string> IssueAsync(IntegrifyUser user, TimeSpan lifetime, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var purgeBefore = time.GetUtcNow().UtcDateTime;
        await context.SignInStates.Where(s => s.ExpiresAt < purgeBefore).ExecuteDeleteAsync(cancellationToken);

        // Under the account lock, so that issues at once (on any instance) cannot each keep what the
        // other is replacing, and a completion (which takes it too) cannot land between the choice
        // of what to keep and the deletion of the rest.
        await using var transaction = await database.BeginAccountLockAsync(context, user.TeamsTenantId, user.UserId, cancellationToken);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var mine = await Of(context, user)
            .Select(s => new { s.StateHash, s.CreatedAt, s.ExpiresAt, Waiting = s.ProtectedCredential != null })
            .ToListAsync(cancellationToken);
        var kept = mine
            .Where(s => s.ExpiresAt > now)
            .OrderByDescending(s => s.Waiting)
            .ThenByDescending(s => s.CreatedAt)
            .Take(keep - 1)
            .Select(s => s.StateHash)
            .ToList();
        if (kept.Count < mine.Count)
        {
            await Of(context, user).Where(s => !kept.Contains(s.StateHash)).ExecuteDeleteAsync(cancellationToken);
        }

        context.SignInStates.Add(new SignInState
        {
            StateHash = SecretHash.Of(state),
            TeamsTenantId = user.TeamsTenantId,
            UserKey = user.UserId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return state;
    }

    /// <summary>The state's owner, or null when the state is unknown, used or expired.</summary>
    public async Task<PendingSignIn?> FindAsync(string state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 100)
        {
            return null;
        }

        var hash = SecretHash.Of(state);
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.SignInStates.AsNoTracking().SingleOrDefaultAsync(s => s.StateHash == hash && s.ExpiresAt > now, cancellationToken);
        return row is null ? null : new PendingSignIn(new IntegrifyUser(row.TeamsTenantId, row.UserKey), new DateTimeOffset(row.ExpiresAt, TimeSpan.Zero), row.ProtectedCredential is not null);
    }

    /// <summary>
    /// Keeps the credential the page obtained and returns the magic code that releases it, or null
    /// when the state is unknown, expired or already completed.
    /// </summary>
    /// <param name="user">The state's owner (<see cref="PendingSignIn.User"/>), whose account lock orders this against their new states.</param>
    public async Task<string?> CompleteAsync(IntegrifyUser user, string state, IntegrifyCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(credential);
        var hash = SecretHash.Of(state);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var protectedCredential = protector.Protect(JsonSerializer.Serialize(credential));
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await database.BeginAccountLockAsync(context, user.TeamsTenantId, user.UserId, cancellationToken);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        // One statement, so two submissions of the same page cannot both complete it.
        var updated = await Of(context, user)
            .Where(s => s.StateHash == hash && s.ExpiresAt > now && s.ProtectedCredential == null)
            .ExecuteUpdateAsync(
                setters => setters.SetProperty(s => s.ProtectedCredential, protectedCredential).SetProperty(s => s.MagicCodeHash, SecretHash.Of(hash + code)),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return updated == 1 ? code : null;
    }

    /// <summary>
    /// Releases, once, the credential waiting under the user's magic code; null when no sign-in of
    /// this user has that code (wrong code, another user's, expired, or already used).
    /// </summary>
    public async Task<IntegrifyCredential?> RedeemAsync(IntegrifyUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = await Of(context, user).AsNoTracking()
            .Where(s => s.ExpiresAt > now && s.ProtectedCredential != null)
            .ToListAsync(cancellationToken);
        var match = waiting.FirstOrDefault(s => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(s.MagicCodeHash ?? string.Empty),
            Encoding.ASCII.GetBytes(SecretHash.Of(s.StateHash + code.Trim()))));
        if (match is null)
        {
            return null;
        }

        // Whoever deletes the row redeems it; a second confirmation of the same code finds nothing.
        var deleted = await context.SignInStates.Where(s => s.StateHash == match.StateHash).ExecuteDeleteAsync(cancellationToken);
        return deleted == 1 ? JsonSerializer.Deserialize<IntegrifyCredential>(protector.Unprotect(match.ProtectedCredential!)) : null;
    }

    private static IQueryable<SignInState> Of(BotDbContext context, IntegrifyUser user) =>
        context.SignInStates.Where(s => s.TeamsTenantId == user.TeamsTenantId && s.UserKey == user.UserId);
}
