using Integrify.Simulator.Auth;

namespace Integrify.Simulator.Api;

internal static class ApiRoutes
{
    /// <summary>Maps the contract's calls; each is named after its row in the contract (A1, T3, ...), which the counters use.</summary>
    public static void MapIntegrifyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        var authorized = app.MapGroup("/api").AddEndpointFilter<BearerAuthFilter>();
        AuthEndpoints.Map(api, authorized);
        UserEndpoints.Map(authorized);
        TaskEndpoints.Map(authorized);
        RequestEndpoints.Map(authorized);
        ReportEndpoints.Map(authorized);
    }
}
