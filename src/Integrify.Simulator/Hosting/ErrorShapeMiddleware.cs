using System.Text.Json;
using Integrify.Simulator.Api;

namespace Integrify.Simulator.Hosting;

/// <summary>Answers unreadable requests and unexpected failures in Integrify's error shape, never with a stack trace.</summary>
internal sealed class ErrorShapeMiddleware(RequestDelegate next, ILogger<ErrorShapeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            var description = exception.InnerException is JsonException ? "The request body is not valid JSON of the expected shape." : exception.Message;
            await WriteAsync(context, new ApiProblem(exception.StatusCode, description));
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The last line of defence: whatever failed, the client gets the contract's shape and the log gets the details.
            SimulatorLog.CallFailed(logger, context.GetEndpoint()?.DisplayName ?? "an unknown route", exception);
            await WriteAsync(context, new ApiProblem(StatusCodes.Status500InternalServerError, "The simulator failed to answer; its log says why."));
        }
    }

    public static Task WriteAsync(HttpContext context, ApiProblem problem)
    {
        context.Response.Clear();
        return problem.ToResult().ExecuteAsync(context);
    }
}
