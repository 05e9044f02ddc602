using System.Collections.Concurrent;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// Gives the authentication handler a user's JWT, renewing it ahead of expiry or after Integrify
/// rejected it. Within a turn, the credential the turn already read is used (see
/// <see cref="TurnCredentials"/>). One renewal per user at a time: in this process, concurrent callers
/// share it; across instances, the store's renewal lock orders them, and whoever comes second finds
/// the new token.
/// </summary>
public sealed partial class IntegrifyTokenProvider(
    IIntegrifyTokenStore store,
    TurnCredentials turnCredentials,
    IIntegrifyAuthApi auth,
    IOptions<IntegrifyOptions> options,
    TimeProvider time,
    ILogger<IntegrifyTokenProvider> logger)
{
    private readonly ConcurrentDictionary<IntegrifyUser, Lazy<Task<IntegrifyCredential>>> renewals = new();

    /// <param name="rejectedJwt">The token Integrify just answered 401 to, or null.</param>
    public async Task<string> GetTokenAsync(IntegrifyUser user, string? rejectedJwt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (rejectedJwt is null && turnCredentials.Find(user) is { } read && IsUsable(read, rejectedJwt))
        {
            return read.Jwt;
        }

        // Rejected, or near its expiry: the turn's later calls use what the store has, or the renewal.
        turnCredentials.Forget(user);
        var credential = await store.FindAsync(user, cancellationToken) ?? throw NotLinked();
        if (!IsUsable(credential, rejectedJwt))
        {
            var renewal = renewals.GetOrAdd(user, _ => new Lazy<Task<IntegrifyCredential>>(() => RenewAsync(user, rejectedJwt)));

            // The renewal itself is not cancelled with this caller: a refresh token Integrify has already
            // spent must be saved, or the user would be signed out for nothing.
            credential = await renewal.Value.WaitAsync(cancellationToken);
        }

        turnCredentials.Remember(user, credential);
        return credential.Jwt;
    }

    private async Task<IntegrifyCredential> RenewAsync(IntegrifyUser user, string? rejectedJwt)
    {
        try
        {
            await using var renewal = await store.BeginRenewalAsync(user, CancellationToken.None);
            var current = renewal.Current ?? throw NotLinked();
            if (IsUsable(current, rejectedJwt))
            {
                // Another instance renewed while this one waited for the lock.
                return current;
            }

            var renewed = await RenewedAsync(current);
            await renewal.CommitAsync(renewed, CancellationToken.None);
            LogRenewed(current.Method);
            return renewed;
        }
        finally
        {
            renewals.TryRemove(user, out _);
        }
    }

    private async Task<IntegrifyCredential> RenewedAsync(IntegrifyCredential current)
    {
        var settings = options.Value;
        var lifetime = (int)settings.ApiKeyTokenLifetime.TotalSeconds;
        try
        {
            switch (current.Method)
            {
                case LinkMethod.Password when current.RefreshToken is { } refreshToken:
                    var pair = await auth.RefreshAsync(new RefreshRequest(refreshToken), CancellationToken.None);
                    return current with { Jwt = pair.Token, JwtExpiresAt = JwtClaims.ExpiresAt(pair.Token), RefreshToken = pair.RefreshToken };
                case LinkMethod.PersonalApiKey when current.PersonalApiKey is { } key:
                    var personal = await auth.ImpersonateWithPersonalKeyAsync(settings.Tenant, key, lifetime, CancellationToken.None);
                    return current with { Jwt = personal.Token, JwtExpiresAt = JwtClaims.ExpiresAt(personal.Token) };
                case LinkMethod.OrganizationKey when settings.OrganizationKey is { Length: > 0 } organizationKey:
                    var impersonated = await auth.ImpersonateWithOrganizationKeyAsync(settings.Tenant, organizationKey, current.UserName, lifetime, CancellationToken.None);
                    return current with { Jwt = impersonated.Token, JwtExpiresAt = JwtClaims.ExpiresAt(impersonated.Token) };
                default:
                    LogCannotRenew(current.Method);
                    throw new IntegrifyLinkExpiredException("The Integrify sign-in has expired and cannot be renewed.");
            }
        }
        catch (IntegrifyException exception) when (exception is IntegrifyLinkExpiredException or IntegrifyForbiddenException or IntegrifyBadRequestException or IntegrifyNotFoundException)
        {
            // Integrify refused the refresh token or key: only signing in again helps. An outage
            // (IntegrifyUnavailableException) is not this, and keeps the user linked.
            LogRenewalRefused(current.Method, (int?)exception.Status);
            throw new IntegrifyLinkExpiredException("The Integrify sign-in has expired.", exception);
        }
    }

    private bool IsUsable(IntegrifyCredential credential, string? rejectedJwt) =>
        !string.Equals(credential.Jwt, rejectedJwt, StringComparison.Ordinal)
        && credential.IsFresh(time.GetUtcNow(), options.Value.RefreshMargin);

    private static IntegrifyNotLinkedException NotLinked() => new("This Teams user has not linked an Integrify account.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Renewed an Integrify token ({Method})")]
    private partial void LogRenewed(LinkMethod method);

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrify refused to renew a token ({Method}, status {Status}); the user must sign in again")]
    private partial void LogRenewalRefused(LinkMethod method, int? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "An Integrify token ({Method}) expired and nothing can renew it; the user must sign in again")]
    private partial void LogCannotRenew(LinkMethod method);
}
