using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// Links a Teams user to their Integrify account in one of three ways and stores what renews it.
/// A password is sent to Integrify once and kept nowhere.
/// </summary>
public sealed class IntegrifySignIn(IIntegrifyAuthApi auth, IIntegrifyTokenStore store, IOptions<IntegrifyOptions> options, TimeProvider time)
{
    public async Task<IntegrifyCredential> WithPasswordAsync(IntegrifyUser user, string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var pair = await auth.LoginAsync(options.Value.Tenant, new LoginRequest(userName, password), cancellationToken);
        return await SaveAsync(user, LinkMethod.Password, pair.Token, userName, refreshToken: pair.RefreshToken, personalApiKey: null, cancellationToken);
    }

    public async Task<IntegrifyCredential> WithPersonalApiKeyAsync(IntegrifyUser user, string personalApiKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personalApiKey);
        var token = await auth.ImpersonateWithPersonalKeyAsync(options.Value.Tenant, personalApiKey, Lifetime, cancellationToken);
        var userName = JwtClaims.UserName(token.Token) ?? throw new IntegrifyException("Integrify's token does not say whom the API key belongs to.");
        return await SaveAsync(user, LinkMethod.PersonalApiKey, token.Token, userName, refreshToken: null, personalApiKey, cancellationToken);
    }

    /// <summary>Zero-touch linking with the deployment's organisation key (A4), when one is configured.</summary>
    public async Task<IntegrifyCredential> WithOrganizationKeyAsync(IntegrifyUser user, string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var organizationKey = options.Value.OrganizationKey;
        if (string.IsNullOrEmpty(organizationKey))
        {
            throw new InvalidOperationException("Linking with the organisation key is not configured (Integrify:OrganizationKey).");
        }

        var token = await auth.ImpersonateWithOrganizationKeyAsync(options.Value.Tenant, organizationKey, userName, Lifetime, cancellationToken);
        return await SaveAsync(user, LinkMethod.OrganizationKey, token.Token, userName, refreshToken: null, personalApiKey: null, cancellationToken);
    }

    private int Lifetime => (int)options.Value.ApiKeyTokenLifetime.TotalSeconds;

    private async Task<IntegrifyCredential> SaveAsync(
        IntegrifyUser user,
        LinkMethod method,
        string jwt,
        string userName,
        string? refreshToken,
        string? personalApiKey,
        CancellationToken cancellationToken)
    {
        var credential = new IntegrifyCredential
        {
            UserName = userName,
            Method = method,
            Jwt = jwt,
            JwtExpiresAt = JwtClaims.ExpiresAt(jwt),
            RefreshToken = refreshToken,
            PersonalApiKey = personalApiKey,
            LinkedAt = time.GetUtcNow(),
        };
        await store.SaveAsync(user, credential, cancellationToken);
        return credential;
    }
}
