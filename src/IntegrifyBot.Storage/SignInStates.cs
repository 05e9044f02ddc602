using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage.Entities;
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
public sealed class SignInStates(IDbContextFactory<BotDbContext> contexts, IDataProtectionProvider protection, TimeProvider time)
{
    public const string CredentialPurpose = "IntegrifyBot.PendingSignIn";

    private readonly IDataProtector protector = protection.CreateProtector(CredentialPurpose);

    /// <summary>A new state for the user, valid for <paramref name="lifetime"/>; expired states of everyone are purged.</summary>
    public async Task<string> IssueAsync(IntegrifyUser user, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.SignInStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        context.SignInStates.Add(new SignInState
        {
            StateHash = SecretHash.Of(state),
            TeamsTenantId = user.TeamsTenantId,
            UserKey = user.UserId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        await context.SaveChangesAsync(cancellationToken);
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
    public async Task<string?> CompleteAsync(string state, IntegrifyCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var hash = SecretHash.Of(state);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var protectedCredential = protector.Protect(JsonSerializer.Serialize(credential));
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);

        // One statement, so two submissions of the same page cannot both complete it.
        var updated = await context.SignInStates
            .Where(s => s.StateHash == hash && s.ExpiresAt > now && s.ProtectedCredential == null)
            .ExecuteUpdateAsync(
                setters => setters.SetProperty(s => s.ProtectedCredential, protectedCredential).SetProperty(s => s.MagicCodeHash, SecretHash.Of(hash + code)),
                cancellationToken);
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
        var waiting = await context.SignInStates.AsNoTracking()
            .Where(s => s.TeamsTenantId == user.TeamsTenantId && s.UserKey == user.UserId && s.ExpiresAt > now && s.ProtectedCredential != null)
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
}
