using System.Net;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Settings;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Teams;

/// <summary>
/// Replaces a clicked card after its turn has been answered (<see cref="Routing.BotRequest.UpdateClickedCard"/>):
/// the turn's conversation and the card's message id are kept, and the update is sent later in a
/// turn of its own, as proactive messages are, since the inbound turn is over by then.
/// </summary>
internal sealed partial class ClickedCardUpdates(BotAdapter adapter, ReplyAddresses addresses, IOptions<BotIdentityOptions> identity, ILogger<ClickedCardUpdates> logger)
{
    public Func<AdaptiveCard, CancellationToken, Task<bool>> For(ITurnContext turnContext)
    {
        var messageId = turnContext.Activity.ReplyToId;
        if (string.IsNullOrEmpty(messageId) || addresses.Refusal(turnContext.Activity.ServiceUrl) is not null)
        {
            return (_, _) => Task.FromResult(false);
        }

        var reference = turnContext.Activity.GetConversationReference();
        return (card, cancellationToken) => UpdateAsync(reference, messageId, card, cancellationToken);
    }

    private async Task<bool> UpdateAsync(ConversationReference reference, string messageId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var updated = false;
        async Task UpdateInTurnAsync(ITurnContext turnContext, CancellationToken token)
        {
            var update = Replies.ToActivity(card);
            update.Id = messageId;
            await turnContext.UpdateActivityAsync(update, token);
            updated = true;
        }

        try
        {
            await adapter.ContinueAsBotAsync(identity.Value, reference.GetContinuationActivity(), UpdateInTurnAsync, cancellationToken);
        }
        catch (ErrorResponseException exception) when (exception.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            // The message was deleted, or is too old to change: the user finds the outcome in their tasks.
            LogRefused((int)exception.Response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or ErrorResponseException or InvalidOperationException or UnauthorizedAccessException or OperationCanceledException)
        {
            LogFailed(exception.GetType().Name);
        }

        return updated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams refused to update a card after its turn ({Status})")]
    private partial void LogRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update a card after its turn ({Error})")]
    private partial void LogFailed(string error);
}
