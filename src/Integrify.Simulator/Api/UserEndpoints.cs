using Integrify.Simulator.Api.Contracts;
using Integrify.Simulator.Auth;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Api;

/// <summary>U1 and U2: the current user, and the tenant's people found by name or email.</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/user/current", CurrentUser).WithName("U1");
        api.MapGet("/users", SearchUsers).WithName("U2");
    }

    private static IResult CurrentUser(HttpContext context)
    {
        var user = context.Caller().User;
        return Results.Json(new CurrentUserResponse(WorkflowViews.Sid(user.Sid), user.UserName, user.Email, user.NameFirst, user.NameLast, user.TimeZone, user.Locale));
    }

    // Anyone signed in may look people up, as anyone may be handed a task; the token only has to be valid.
    private static IResult SearchUsers(string? name, string? email, HttpContext context, WorkflowStore store)
    {
        var query = ListQuery.Parse(context.Request.Query, WorkflowStore.UserSorts);
        return query.Problem?.ToResult() ?? Results.Json(store.SearchUsers(name, email, query.Value!));
    }
}
