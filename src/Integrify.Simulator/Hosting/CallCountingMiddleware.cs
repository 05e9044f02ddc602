using System.Globalization;
using Integrify.Simulator.Auth;

namespace Integrify.Simulator.Hosting;

/// <summary>Counts every call of a named route with its answer, its caller and, for completions, its task.</summary>
internal sealed class CallCountingMiddleware(RequestDelegate next, CallCounters counters)
{
    private static readonly HashSet<string> CompletionRoutes = ["T3", "T4", "T5"];

    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (route is null)
        {
            await next(context);
            return;
        }

        var status = "500";
        try
        {
            await next(context);
            status = context.Items.ContainsKey(FaultInjectionMiddleware.DroppedKey)
                ? "dropped"
                : context.Response.StatusCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (BadHttpRequestException exception)
        {
            // ErrorShapeMiddleware, further out, answers it with this status.
            status = exception.StatusCode.ToString(CultureInfo.InvariantCulture);
            throw;
        }
        finally
        {
            counters.Record(route, status, context.FindCaller()?.User.UserName, CompletedTask(context, route));
        }
    }

    private static string? CompletedTask(HttpContext context, string route)
    {
        if (!CompletionRoutes.Contains(route) || context.GetRouteValue("recipientTaskSid") is not string sid)
        {
            return null;
        }

        return Guid.TryParse(sid, out var key) ? key.ToString("D") : sid;
    }
}
