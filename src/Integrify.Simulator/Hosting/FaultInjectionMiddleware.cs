using System.Globalization;
using Integrify.Simulator.Api;

namespace Integrify.Simulator.Hosting;

/// <summary>Applies the fault rules to API calls, never to the control API.</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults)
{
    public static readonly object DroppedKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var decision = context.Request.Path.StartsWithSegments("/_sim", StringComparison.OrdinalIgnoreCase)
            ? null
            : faults.Decide(context.Request.Path.Value ?? "/");
        if (decision is null)
        {
            await next(context);
            return;
        }

        if (decision.LatencyMs > 0)
        {
            // Real time on purpose: a client's timeout must fire even when the simulator's clock is a test's fake.
            await Task.Delay(decision.LatencyMs, context.RequestAborted);
        }

        if (!decision.Fail)
        {
            await next(context);
            return;
        }

        if (decision.Drop)
        {
            context.Items[DroppedKey] = true;
            if (context.Items[CallCountingMiddleware.RecorderKey] is Action<string> count)
            {
                count("dropped");
            }

            context.Abort();
            return;
        }

        if (decision.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await new ApiProblem(decision.Status!.Value, $"Fault injected by the simulator (rule {decision.RuleId}).").ToResult().ExecuteAsync(context);
    }
}
