using System.Security.Cryptography;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.Storage.Providers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Storage;

/// <summary>
/// Users' Integrify credentials in the bot's database, every secret encrypted with Data Protection.
/// Every write (a new link, an unlink, a renewal) happens under the account lock of
/// <see cref="IBotDatabaseProvider.BeginAccountLockAsync"/>, which all instances sharing the database
/// respect, so a refresh token is never spent twice. Reads take no lock and write nothing: the
/// last-used time moves only when a credential is saved or renewed, because a write on every call
/// would queue every request behind SQLite's single writer.
/// </summary>
public sealed partial class EfTokenStore(
    IDbContextFactory<BotDbContext> contexts,
    IBotDatabaseProvider database,
    IDataProtectionProvider protection,
    TurnCredentials turnCredentials,
    IOptions<IntegrifyOptions> integrify,
    TimeProvider time,
    ILogger<EfTokenStore> logger) : IIntegrifyTokenStore
{
    private readonly CredentialProtector protector = new(protection);

    public async Task<IntegrifyCredential?> FindAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        var key = LinkedAccountKey.For(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await FindAccountAsync(context.LinkedAccounts.AsNoTracking(), key, cancellationToken);
        return Read(account);
    }

    public async Task SaveAsync(IntegrifyUser user, IntegrifyCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        await using var renewal = await BeginRenewalAsync(user, cancellationToken);
        await renewal.CommitAsync(credential, cancellationToken);
    }

    public async Task RemoveAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        turnCredentials.Forget(user);
        var key = LinkedAccountKey.For(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await database.BeginAccountLockAsync(context, key.TeamsTenantId, key.UserKey, cancellationToken);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        if (await FindAccountAsync(context.LinkedAccounts, key, cancellationToken) is { } account)
        {
            context.LinkedAccounts.Remove(account);
            await context.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <remarks>What the turn remembered of the user's credential is forgotten: it is about to change.</remarks>
    public async Task<ICredentialRenewal> BeginRenewalAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        turnCredentials.Forget(user);
        var key = LinkedAccountKey.For(user);
        protector.EnsureKeyRing();
        var context = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var transaction = await database.BeginAccountLockAsync(context, key.TeamsTenantId, key.UserKey, cancellationToken);
            await context.Database.UseTransactionAsync(transaction, cancellationToken);
            var account = await FindAccountAsync(context.LinkedAccounts, key, cancellationToken);
            return new EfCredentialRenewal(this, context, transaction, key, account, Read(account));
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a credential into the tracked row (or a new one), bumping its version.</summary>
    internal void Write(BotDbContext context, LinkedAccountKey key, LinkedAccount? account, IntegrifyCredential credential)
    {
        var now = time.GetUtcNow();
        var settings = integrify.Value;
        if (account is null)
        {
            account = new LinkedAccount
            {
                TeamsTenantId = key.TeamsTenantId,
                UserKey = key.UserKey,
                IntegrifyBaseUrl = string.Empty,
                IntegrifyTenant = string.Empty,
                IntegrifyUserName = string.Empty,
                NormalizedIntegrifyUserName = string.Empty,
                ProtectedJwt = string.Empty,
            };
            context.LinkedAccounts.Add(account);
        }

        account.IntegrifyBaseUrl = settings.BaseUrl?.ToString() ?? string.Empty;
        account.IntegrifyTenant = settings.Tenant;
        account.IntegrifyUserName = credential.UserName;
        account.NormalizedIntegrifyUserName = LinkedTeamsUsers.Normalize(credential.UserName);
        account.Method = credential.Method;
        account.ProtectedJwt = protector.ProtectJwt(credential.Jwt);
        account.ProtectedRefreshToken = protector.ProtectRefreshToken(credential.RefreshToken);
        account.ProtectedPersonalApiKey = protector.ProtectPersonalApiKey(credential.PersonalApiKey);
        account.JwtExpiresAt = credential.JwtExpiresAt?.ToUniversalTime();
        account.Version++;
        account.LinkedAt = credential.LinkedAt == default ? now : credential.LinkedAt.ToUniversalTime();
        account.LastUsedAt = now;
    }

    private static Task<LinkedAccount?> FindAccountAsync(IQueryable<LinkedAccount> accounts, LinkedAccountKey key, CancellationToken cancellationToken) =>
        accounts.SingleOrDefaultAsync(a => a.TeamsTenantId == key.TeamsTenantId && a.UserKey == key.UserKey, cancellationToken);

    private IntegrifyCredential? Read(LinkedAccount? account)
    {
        if (account is null)
        {
            return null;
        }

        // Tokens of another Integrify instance must never be sent to this one.
        var baseUrl = integrify.Value.BaseUrl?.ToString() ?? string.Empty;
        if (!string.Equals(account.IntegrifyBaseUrl, baseUrl, StringComparison.OrdinalIgnoreCase))
        {
            LogOtherInstance(account.Method);
            return null;
        }

        try
        {
            return new IntegrifyCredential
            {
                UserName = account.IntegrifyUserName,
                Method = account.Method,
                Jwt = protector.UnprotectJwt(account.ProtectedJwt),
                JwtExpiresAt = account.JwtExpiresAt,
                RefreshToken = protector.UnprotectRefreshToken(account.ProtectedRefreshToken),
                PersonalApiKey = protector.UnprotectPersonalApiKey(account.ProtectedPersonalApiKey),
                Version = account.Version,
                LinkedAt = account.LinkedAt,
            };
        }
        catch (CryptographicException)
        {
            // The key that encrypted it is gone (a new database key ring, another application name):
            // the link is useless, and signing in again is the only way back.
            LogUnreadable(account.Method);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A linked Integrify account ({Method}) could not be decrypted; the user must link again")]
    private partial void LogUnreadable(LinkMethod method);

    [LoggerMessage(Level = LogLevel.Information, Message = "A linked Integrify account ({Method}) belongs to another Integrify instance; the user must link again")]
    private partial void LogOtherInstance(LinkMethod method);
}
