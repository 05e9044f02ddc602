using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// Signs a person in to Integrify in one of three ways and returns what renews their access; the
/// <c>With…</c> methods also store it as the Teams user's link. A password is sent to Integrify once
/// and kept nowhere.
/// </summary>
public sealed class IntegrifySignIn(IIntegrifyAuthApi auth, IIntegrifyTokenStore store, IOptions<IntegrifyOptions> options, TimeProvider time)
{
    public async Task<IntegrifyCredential> WithPasswordAsync(IntegrifyUser user, string userName, string password, CancellationToken cancellationToken) =>
        await SaveAsync(user, await ByPasswordAsync(userName, password, cancellationToken), cancellationToken);

    public async Task<IntegrifyCredential> WithPersonalApiKeyAsync(IntegrifyUser user, string personalApiKey, CancellationToken cancellationToken) =>
        await SaveAsync(user, await ByPersonalApiKeyAsync(personalApiKey, cancellationToken), cancellationToken);

    /// <summary>Zero-touch linking with the deployment's organisation key (A4), when one is configured.</summary>
    public async Task<IntegrifyCredential> WithOrganizationKeyAsync(IntegrifyUser user, string userName, CancellationToken cancellationToken) =>
        await SaveAsync(user, await ByOrganizationKeyAsync(userName, cancellationToken), cancellationToken);

    /// <summary>A1, without storing anything: for a sign-in that the user still has to confirm from Teams.</summary>
    public async Task<IntegrifyCredential> ByPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var pair = await auth.LoginAsync(options.Value.Tenant, new LoginRequest(userName.Trim(), password), cancellationToken);
        return Credential(LinkMethod.Password, pair.Token, userName.Trim(), refreshToken: pair.RefreshToken, personalApiKey: null);
    }

    /// <summary>A3, without storing anything.</summary>
    public async Task<IntegrifyCredential> ByPersonalApiKeyAsync(string personalApiKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personalApiKey);
        var key = personalApiKey.Trim();
        var token = await auth.ImpersonateWithPersonalKeyAsync(options.Value.Tenant, key, Lifetime, cancellationToken);
        var userName = JwtClaims.UserName(token.Token) ?? throw new IntegrifyException("Integrify's token does not say whom the API key belongs to.");
        return Credential(LinkMethod.PersonalApiKey, token.Token, userName, refreshToken: null, key);
    }

    /// <summary>A4, without storing anything.</summary>
    public async Task<IntegrifyCredential> ByOrganizationKeyAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var organizationKey = options.Value.OrganizationKey;
        if (string.IsNullOrEmpty(organizationKey))
        {
            throw new InvalidOperationException("Linking with the organisation key is not configured (Integrify:OrganizationKey).");
        }

        var token = await auth.ImpersonateWithOrganizationKeyAsync(options.Value.Tenant, organizationKey, userName, Lifetime, cancellationToken);
        return Credential(LinkMethod.OrganizationKey, token.Token, userName, refreshToken: null, personalApiKey: null);
    }

    private int Lifetime => (int)options.Value.ApiKeyTokenLifetime.TotalSeconds;

    private IntegrifyCredential Credential(LinkMethod method, string jwt, string userName, string? refreshToken, string? personalApiKey) => new()
    {
        UserName = userName,
        Method = method,
        Jwt = jwt,
        JwtExpiresAt = JwtClaims.ExpiresAt(jwt),
        RefreshToken = refreshToken,
        PersonalApiKey = personalApiKey,
        LinkedAt = time.GetUtcNow(),
    };

    private async Task<IntegrifyCredential> SaveAsync(IntegrifyUser user, IntegrifyCredential credential, CancellationToken cancellationToken)
    {
        await store.SaveAsync(user, credential, cancellationToken);
        return credential;
    }
}
