using System.Security.Claims;
using IntegrifyBot.Cards;
using IntegrifyBot.Settings;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// The Bot Framework's CloudAdapter (it checks each inbound token and sends replies through the Bot
/// Connector) with the bot's tenant gate, the recorder of users' personal chats (behind the gate, so
/// that refused tenants leave nothing), and a last-resort error handler.
/// </summary>
internal sealed partial class BotAdapter : CloudAdapter
{
    private readonly ILogger<BotAdapter> logger;

    /// <remarks>
    /// The SDK's adapter writes three Information lines of its own in every turn ("ProcessActivityAsync",
    /// "SendActivitiesAsync for 1 activities", "Sending activity. ReplyToId: …") that tell an operator
    /// nothing: it logs under the SDK's own category, which appsettings.json keeps at Warning.
    /// </remarks>
    public BotAdapter(BotFrameworkAuthentication authentication, TenantGate tenantGate, PersonalChatRecorder personalChats, ILoggerFactory loggers, ILogger<BotAdapter> logger)
        : base(authentication, loggers.CreateLogger<CloudAdapter>())
    {
        this.logger = logger;
        Use(tenantGate);
        Use(personalChats);
        OnTurnError = AnswerAfterFailureAsync;
    }

    /// <summary>
    /// Authenticates the request (with an app id) and runs the bot's turn on an activity the gate has
    /// already read and checked, so that the SDK never reads the body a second way.
    /// </summary>
    /// <returns>The invoke's answer, or null for other activities.</returns>
    public Task<InvokeResponse?> ProcessAsync(string authorization, Activity activity, IBot bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authorization, activity, bot.OnTurnAsync, cancellationToken)!;

    /// <summary>
    /// Runs <paramref name="callback"/> in a turn of an existing conversation, outside any inbound
    /// turn, as the bot's app id; without one (demo, development) as the anonymous identity an inbound
    /// turn gets when authentication is off, since the SDK refuses an empty app id here.
    /// </summary>
    public Task ContinueAsBotAsync(BotIdentityOptions identity, Activity continuation, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.HasAppId
            ? ContinueConversationAsync(identity.MicrosoftAppId, continuation, callback, cancellationToken)
            : ContinueConversationAsync(new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType), continuation, callback, cancellationToken);
    }

    /// <summary>
    /// Reached only when the Teams edge itself fails (features' failures are answered by the router).
    /// The user still gets an answer, and an invoke still gets a valid response, never an empty one.
    /// </summary>
    private async Task AnswerAfterFailureAsync(ITurnContext turnContext, Exception exception)
    {
        LogTurnFailed(exception, turnContext.Activity?.Type ?? "?");
        var card = ProblemCards.Unexpected(retry: null);
        try
        {
            if (turnContext.Activity?.Type == ActivityTypes.Invoke)
            {
                await turnContext.SendActivityAsync(Replies.InvokeResponseActivity(turnContext.Activity.Name, card));
            }
            else if (turnContext.Activity?.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync(Replies.ToActivity(card));
            }
        }
        catch (Exception sendFailure) when (sendFailure is HttpRequestException or ErrorResponseException or OperationCanceledException)
        {
            LogProblemCardNotSent(sendFailure);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn failed in the Teams edge; answering with a problem card")]
    private partial void LogTurnFailed(Exception exception, string activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the problem card after a failed turn")]
    private partial void LogProblemCardNotSent(Exception exception);
}
