using IntegrifyBot.Integrify.Api.Models;
using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>U1, U2 and A5: the signed-in user, the people of their Integrify, and signing out.</summary>
public interface IIntegrifyUserApi
{
    [Get(IntegrifyPaths.CurrentUser)]
    Task<CurrentUser> GetCurrentUserAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, CancellationToken cancellationToken);

    /// <summary>U2: people whose name or email holds what was typed, one page at a time.</summary>
    [Get(IntegrifyPaths.SearchUsers)]
    Task<PagedList<DirectoryUser>> SearchUsersAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, [Query] UserQuery query, CancellationToken cancellationToken);

    /// <summary>A5: ends the user's Integrify session.</summary>
    [Delete(IntegrifyPaths.Logout)]
    Task LogoutAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string tenant, CancellationToken cancellationToken);
}
