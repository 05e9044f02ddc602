using IntegrifyBot.Integrify.Api.Models;
using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>
/// A1–A4: getting a token. These calls carry a password, a refresh token or an API key, so their
/// HTTP client logs nothing and telemetry leaves their addresses out.
/// </summary>
public interface IIntegrifyAuthApi
{
    [Post(IntegrifyPaths.PasswordLogin)]
    Task<TokenPair> LoginAsync(string tenant, [Body] LoginRequest credentials, CancellationToken cancellationToken);

    [Post(IntegrifyPaths.Refresh)]
    Task<TokenPair> RefreshAsync([Body] RefreshRequest request, CancellationToken cancellationToken);

    [Get(IntegrifyPaths.PersonalKeyLogin)]
    Task<ImpersonationToken> ImpersonateWithPersonalKeyAsync(string tenant, string personalKey, int jwtExpiresIn, CancellationToken cancellationToken);

    [Get(IntegrifyPaths.OrganizationKeyLogin)]
    Task<ImpersonationToken> ImpersonateWithOrganizationKeyAsync(string tenant, string organizationKey, string userName, int jwtExpiresIn, CancellationToken cancellationToken);
}
