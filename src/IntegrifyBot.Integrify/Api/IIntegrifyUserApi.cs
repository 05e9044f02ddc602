using IntegrifyBot.Integrify.Api.Models;
using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>U1 and A5: the signed-in user, and signing out.</summary>
public interface IIntegrifyUserApi
{
    [Get(IntegrifyPaths.CurrentUser)]
    Task<CurrentUser> GetCurrentUserAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, CancellationToken cancellationToken);

    /// <summary>A5: ends the user's Integrify session.</summary>
    [Delete(IntegrifyPaths.Logout)]
    Task LogoutAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string tenant, CancellationToken cancellationToken);
}
