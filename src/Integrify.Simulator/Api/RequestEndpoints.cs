using System.Text.Json;
using Integrify.Simulator.Auth;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Api;

/// <summary>R1 to R5: startable processes, starting, reading, listing and cancelling requests.</summary>
internal static class RequestEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/processes/search", (string? search, string? permissionType, HttpContext context, WorkflowStore store) =>
            Results.Json(store.Processes(context.Caller().User, search, string.Equals(permissionType, "start", StringComparison.OrdinalIgnoreCase))))
            .WithName("R1");
        api.MapPost("/instance/start/{processSid}", (string processSid, string? requestName, Dictionary<string, JsonElement>? body, HttpContext context, WorkflowStore store) =>
            store.Start(context.Caller().User, processSid, requestName, body).ToResult()).WithName("R2");
        api.MapGet("/instance/{instanceSid}", (string instanceSid, HttpContext context, WorkflowStore store) =>
            store.Request(context.Caller().User, instanceSid).ToResult()).WithName("R3");
        api.MapGet("/instance/list/{permissionType}", List).WithName("R4");
        api.MapGet("/instance/{instanceSid}/cancel", (string instanceSid, HttpContext context, WorkflowStore store) =>
            store.Cancel(context.Caller().User, instanceSid).ToResult(_ => Results.Ok())).WithName("R5");
    }

    private static IResult List(string permissionType, HttpContext context, WorkflowStore store)
    {
        var query = ListQuery.Parse(context.Request.Query, WorkflowStore.RequestSorts, descendingByDefault: true);
        return query.Problem?.ToResult() ?? store.Requests(context.Caller().User, permissionType, query.Value!).ToResult();
    }
}
