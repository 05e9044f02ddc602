using System.Text.Json;
using IntegrifyBot.Hosting;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Teams;

/// <summary>
/// Checks a request to /api/messages before the Bot Framework adapter sees it: JSON, not too large,
/// and shaped like an activity. Bad input gets a 4xx with a short reason instead of a 500 from deep
/// inside the SDK.
/// </summary>
internal sealed partial class ActivityRequestGate(
    IOptionsMonitor<BotOptions> options,
    IOptions<BotIdentityOptions> identity,
    ILogger<ActivityRequestGate> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var limit = options.CurrentValue.MaxRequestBodyBytes;

        if (!JsonContentType.Is(request.ContentType))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "An activity is sent as application/json.");
        }

        if (request.ContentLength > limit)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"An activity is at most {limit} bytes.");
        }

        var body = await BoundedBody.ReadAsync(request.Body, limit, context.HttpContext.RequestAborted);
        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"An activity is at most {limit} bytes.");
        }

        string? problem;
        try
        {
            using var document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
            problem = ActivityShape.Check(document.RootElement, requireLoopbackServiceUrl: !identity.Value.HasAppId);
        }
        catch (JsonException)
        {
            problem = "The body is not valid JSON.";
        }

        if (problem is not null)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem);
        }

        // The adapter reads the body again from the start.
        request.Body = body;
        context.HttpContext.Response.RegisterForDispose(body);
        return await next(context);
    }

    private IResult Refuse(int status, string reason)
    {
        LogRefused(status, reason);
        return Results.Problem(statusCode: status, title: "Not an acceptable activity", detail: reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
