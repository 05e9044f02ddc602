using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace IntegrifyBot.Teams;

/// <summary>
/// POST /api/messages. The adapter answers 401 to a request without a token but throws on a token it
/// cannot even parse; that is a refused caller too, so it gets 401 rather than a 500. A token that cannot
/// be verified at all, because the SDK could never fetch its signing keys, gets 503 and Retry-After.
/// </summary>
internal sealed partial class MessagesEndpoint(IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<MessagesEndpoint> logger)
{
    /// <summary>The SDK fetches the keys again on the next request; this only spaces out a caller that retries.</summary>
    private const string MetadataRetryAfterSeconds = "30";

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
        catch (OpenIdMetadataUnavailableException outage) when (!http.Response.HasStarted)
        {
            // Not the caller's fault and not final: no token can be verified until the keys are fetched.
            LogMetadataUnavailable(outage.MetadataAddress, outage.Cause);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = MetadataRetryAfterSeconds;
        }
    }

    private static bool IsRejectedToken(HttpContext http, Exception exception) =>
        http.Request.Headers.Authorization.Count > 0
        && exception is SecurityTokenException or ArgumentException or UnauthorizedAccessException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages whose Authorization token could not be read ({ExceptionType})")]
    private partial void LogRejectedToken(string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answered 503 to a request to /api/messages: its token cannot be verified while the Bot Framework's OpenID metadata at {MetadataAddress} cannot be fetched ({Cause}) and no signing keys were fetched before")]
    private partial void LogMetadataUnavailable(string metadataAddress, string cause);
}
