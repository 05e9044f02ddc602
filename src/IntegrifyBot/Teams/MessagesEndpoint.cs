using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace IntegrifyBot.Teams;

/// <summary>
/// POST /api/messages. The gate reads and checks the activity; the adapter authenticates the request
/// (with an app id) and runs the turn on that same activity object. A refused or unreadable token is
/// answered 401 with one log line, never a 500.
/// </summary>
internal sealed partial class MessagesEndpoint(ActivityRequestGate gate, BotAdapter adapter, IBot bot, ILogger<MessagesEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var admission = await gate.ReadAsync(http.Request);
        if (admission.Activity is not { } activity)
        {
            return Results.Problem(statusCode: admission.Status, title: "Not an acceptable activity", detail: admission.Reason);
        }

        string authorization = http.Request.Headers.Authorization.ToString();
        InvokeResponse? answer;
        try
        {
            answer = await adapter.ProcessAsync(authorization, activity, bot, http.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            LogUnauthorized(authorization.Length > 0);
            return Results.Unauthorized();
        }
        catch (Exception exception) when (authorization.Length > 0 && exception is SecurityTokenException or ArgumentException)
        {
            // The SDK throws these on a token it cannot even parse: a refused caller too.
            LogRejectedToken(exception.GetType().Name);
            return Results.Unauthorized();
        }

        // As the SDK's own ProcessAsync does: an invoke's answer is the HTTP response.
        await HttpHelper.WriteResponseAsync(http.Response, answer);
        return Results.Empty;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages that was not authenticated (token given: {HadToken})")]
    private partial void LogUnauthorized(bool hadToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages whose Authorization token could not be read ({ExceptionType})")]
    private partial void LogRejectedToken(string exceptionType);
}
