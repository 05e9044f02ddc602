using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace IntegrifyBot.Teams;

/// <summary>
/// POST /api/messages. The gate reads and checks the activity; the adapter authenticates the request
/// (with an app id) and runs the turn on that same activity object. A missing or refused token is
/// answered 401 with one log line; a token that cannot be verified at all, because the SDK could never
/// fetch the Bot Framework's signing keys, gets 503 and Retry-After. Never a 500.
/// </summary>
internal sealed partial class MessagesEndpoint(ActivityRequestGate gate, BotAdapter adapter, IBot bot, ILogger<MessagesEndpoint> logger)
{
    /// <summary>The SDK fetches the keys again on the next request; this only spaces out a caller that retries.</summary>
    private const string MetadataRetryAfterSeconds = "30";

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
        catch (UnauthorizedAccessException refused)
        {
            // InboundTokenAuthentication turns every refusal into RefusedTokenException, whose message
            // names the reason and never the token.
            LogUnauthorized(refused is RefusedTokenException ? refused.Message : "no token");
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated", detail: "The request has no Bot Framework token the bot accepts.");
        }
        catch (OpenIdMetadataUnavailableException outage)
        {
            // Not the caller's fault and not final: no token can be verified until the keys are fetched.
            LogMetadataUnavailable(outage.MetadataAddress, outage.Cause);
            http.Response.Headers.RetryAfter = MetadataRetryAfterSeconds;
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cannot verify tokens now", detail: "The Bot Framework's signing keys cannot be fetched; try again later.");
        }

        // As the SDK's own ProcessAsync does: an invoke's answer is the HTTP response.
        await HttpHelper.WriteResponseAsync(http.Response, answer);
        return Results.Empty;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages that was not authenticated ({Reason})")]
    private partial void LogUnauthorized(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answered 503 to a request to /api/messages: its token cannot be verified while the Bot Framework's OpenID metadata at {MetadataAddress} cannot be fetched ({Cause}) and no signing keys were fetched before")]
    private partial void LogMetadataUnavailable(string metadataAddress, string cause);
}
