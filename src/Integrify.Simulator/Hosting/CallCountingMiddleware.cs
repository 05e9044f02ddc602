using System.Globalization;
using Integrify.Simulator.Auth;

namespace Integrify.Simulator.Hosting;

/// <summary>
/// Counts every call of a named route with its answer, its caller and, for completions, its task.
/// A call is counted before its answer leaves (or before its connection is dropped), so a client
/// that has its answer can trust the counters already include it.
/// </summary>
internal sealed class CallCountingMiddleware(RequestDelegate next, CallCounters counters)
{
    /// <summary>Where the fault injection finds how to count a call it drops.</summary>
    public static readonly object RecorderKey = new();

    private static readonly HashSet<string> CompletionRoutes = ["T3", "T4", "T5"];

    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (route is null)
        {
            await next(context);
            return;
        }

        var counted = 0;
        void Count(string status)
        {
            if (Interlocked.Exchange(ref counted, 1) == 0)
            {
                counters.Record(route, status, context.FindCaller()?.User.UserName, CompletedTask(context, route));
            }
        }

        context.Items[RecorderKey] = (Action<string>)Count;
        context.Response.OnStarting(() =>
        {
            Count(context.Response.StatusCode.ToString(CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        });

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
            // An answer that starts only after this middleware has returned is counted here, still before it leaves.
            Count(status);
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
