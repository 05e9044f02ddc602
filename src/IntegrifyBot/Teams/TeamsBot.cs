using System.Net;
using IntegrifyBot.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// The only activity handler: it turns Teams activities into <see cref="BotRequest"/>s for the router
/// and the router's replies back into activities. Features never see an activity.
/// </summary>
internal sealed partial class TeamsBot(BotRouter router, SenderProfiles profiles, ClickedCardUpdates updates, MessageExtensionTurns extension, ILogger<TeamsBot> logger) : TeamsActivityHandler
{
    /// <summary>An answer within this needs no typing indicator.</summary>
    private static readonly TimeSpan TypingDelay = TimeSpan.FromSeconds(1);

    /// <summary>Teams shows the indicator for about three seconds; it is sent again while the wait goes on.</summary>
    private static readonly TimeSpan TypingRepeat = TimeSpan.FromSeconds(3);

    /// <summary>The invokes the SDK's handler dispatches to this class; the message extension's are answered by <see cref="MessageExtensionTurns"/>, every other one by <see cref="UnofferedInvokes"/>.</summary>
    private static readonly HashSet<string> OfferedInvokes = new(StringComparer.Ordinal) { "adaptiveCard/action", SignInConstants.VerifyStateOperationName };

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Name is { } name && OfferedInvokes.Contains(name)
            ? await base.OnInvokeActivityAsync(turnContext, cancellationToken)
            : await extension.AnswerAsync(turnContext, cancellationToken)
                ?? UnofferedInvokes.AnswerTo(turnContext.Activity.Name, turnContext.Activity.Value);

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var turn = TurnRequests.From(turnContext, profiles, updates);

        // A message that carries a value is an Action.Submit from a card.
        if (activity.Value is not null)
        {
            var data = CardData.ToJsonElement(activity.Value);
            var invocation = new CardInvocation(CardData.SubmittedVerb(data), data, CardInvocationKind.Submit);
            var reply = router.HandleCardActionAsync(turn, invocation, cancellationToken);
            await TypingUntilAsync(turnContext, reply, cancellationToken);
            await ReplaceOrSendAsync(turnContext, await reply, cancellationToken);
            return;
        }

        if (MessageText.IsCardAlone(activity))
        {
            return;
        }

        var text = MessageText.Of(activity);
        var answer = router.HandleTextAsync(turn, text, cancellationToken);
        await TypingUntilAsync(turnContext, answer, cancellationToken);
        await turnContext.SendActivityAsync(Replies.ToActivity(await answer), cancellationToken);
    }

    /// <summary>
    /// Shows Teams' typing indicator while an answer takes a while (Integrify is slow), and keeps it
    /// up until the answer is there; a quick answer shows none. Teams hides the indicator by itself
    /// after a few seconds or when the next message arrives.
    /// </summary>
    private static async Task TypingUntilAsync(ITurnContext turnContext, Task answer, CancellationToken cancellationToken)
    {
        var wait = TypingDelay;
        while (await Task.WhenAny(answer, Task.Delay(wait, cancellationToken)) != answer && !cancellationToken.IsCancellationRequested)
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
            wait = TypingRepeat;
        }
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext,
        AdaptiveCardInvokeValue invokeValue,
        CancellationToken cancellationToken)
    {
        var turn = TurnRequests.From(turnContext, profiles, updates);
        var invocation = new CardInvocation(
            invokeValue.Action.Verb ?? string.Empty,
            CardData.ToJsonElement(invokeValue.Action.Data),
            CardInvocationKind.Execute);
        var reply = await router.HandleCardActionAsync(turn, invocation, cancellationToken);
        if (reply is CardReply { ForEveryone: { } shared } && !string.IsNullOrEmpty(turnContext.Activity.ReplyToId))
        {
            await UpdateForEveryoneAsync(turnContext, turnContext.Activity.ReplyToId, shared, cancellationToken);
        }

        return Replies.ToInvokeResponse(reply);
    }

    /// <summary>
    /// Replaces the clicked message for everyone in the conversation. The clicker's own view comes
    /// from the invoke answer; if Teams refuses the update, only the others' view stays as it was.
    /// </summary>
    private async Task UpdateForEveryoneAsync(ITurnContext turnContext, string messageId, Cards.Model.AdaptiveCard card, CancellationToken cancellationToken)
    {
        var update = Replies.ToActivity(card);
        update.Id = messageId;
        try
        {
            await turnContext.UpdateActivityAsync(update, cancellationToken);
        }
        catch (Microsoft.Bot.Schema.ErrorResponseException exception) when (exception.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            LogSharedUpdateRefused((int)exception.Response.StatusCode);
        }
    }

    /// <summary>
    /// Teams' sign-in popup closed after the bot's sign-in page handed it the magic code. The invoke
    /// itself is answered with 200 (by the base class); the outcome goes to the chat as a card.
    /// </summary>
    protected override async Task OnTeamsSigninVerifyStateAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        var turn = TurnRequests.From(turnContext, profiles, updates);
        var state = CardData.ToJsonElement(turnContext.Activity.Value) is { ValueKind: System.Text.Json.JsonValueKind.Object } value
            && value.TryGetProperty("state", out var given) && given.ValueKind == System.Text.Json.JsonValueKind.String
                ? given.GetString()
                : null;
        var reply = await router.HandleSignInStateAsync(turn, state ?? string.Empty, cancellationToken);
        await turnContext.SendActivityAsync(Replies.ToActivity(reply), cancellationToken);
    }

    /// <summary>
    /// Welcomes people once, when the bot itself joins a personal chat, group chat or team; other
    /// people joining later are not greeted, so a busy channel is not spammed.
    /// </summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botJoined = activity.MembersAdded?.Any(member => member.Id == activity.Recipient?.Id) == true;
        if (!botJoined)
        {
            return;
        }

        var welcome = await router.WelcomeAsync(TurnRequests.From(turnContext, profiles, updates), cancellationToken);
        await turnContext.SendActivityAsync(Replies.ToActivity(welcome), cancellationToken);
    }

    /// <summary>
    /// A card answer to Action.Submit replaces the card that was clicked, as Action.Execute does;
    /// if Teams refuses the update (the message is gone or too old), it is sent as a new message.
    /// </summary>
    private async Task ReplaceOrSendAsync(ITurnContext turnContext, BotReply reply, CancellationToken cancellationToken)
    {
        var activity = Replies.ToActivity(reply);
        var clickedMessageId = turnContext.Activity.ReplyToId;
        if (reply is CardReply && !string.IsNullOrEmpty(clickedMessageId))
        {
            activity.Id = clickedMessageId;
            try
            {
                await turnContext.UpdateActivityAsync(activity, cancellationToken);
                return;
            }
            catch (Microsoft.Bot.Schema.ErrorResponseException exception) when (exception.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
            {
                LogUpdateRefused((int)exception.Response.StatusCode);
                activity.Id = null;
            }
        }

        await turnContext.SendActivityAsync(activity, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams refused to update the shared card for everyone ({Status}); the clicker saw the answer")]
    private partial void LogSharedUpdateRefused(int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams refused to update the clicked card ({Status}); sent the answer as a new message")]
    private partial void LogUpdateRefused(int status);
}
