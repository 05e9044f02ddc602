using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace IntegrifyBot.Teams;

/// <summary>
/// POST /api/messages. The adapter answers 401 to a request without a token but throws on a token it
/// cannot even parse; that is a refused caller too, so it gets 401 rather than a 500.
/// </summary>
internal sealed partial class MessagesEndpoint(IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<MessagesEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
        }
        catch (Exception exception) when (!http.Response.HasStarted && IsRejectedToken(http, exception))
        {
            LogRejectedToken(exception.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    private static bool IsRejectedToken(HttpContext http, Exception exception) =>
        http.Request.Headers.Authorization.Count > 0
        && exception is SecurityTokenException or ArgumentException or UnauthorizedAccessException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages whose Authorization token could not be read ({ExceptionType})")]
    private partial void LogRejectedToken(string exceptionType);
}
