using System.Net.Http.Headers;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Conversations;
using IntegrifyBot.Settings;
using IntegrifyBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Teams;

/// <summary>
/// Posts a card into a user's personal chat through the Bot Connector (CloudAdapter's
/// ContinueConversation), as the bot's app id; and reads Teams' answer into an outcome the
/// notifications feature acts on, since the adapter would hand an exception to its turn-error handler.
/// </summary>
internal sealed class TeamsProactiveSender(BotAdapter adapter, ReplyAddresses addresses, IOptions<BotIdentityOptions> identity, TimeProvider time) : IProactiveSender
{
    private const string RetryAfterHeader = "Retry-After";

    public async Task<ProactiveOutcome> SendAsync(ConversationAddress address, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(card);
        // As with replies: without an app id nothing proved where the address came from.
        if (addresses.Refusal(address.ServiceUrl) is { } refusal)
        {
            return new ProactiveOutcome(ProactiveResult.Refused, Problem: refusal);
        }

        var continuation = new ConversationReference
        {
            ChannelId = Channels.Msteams,
            ServiceUrl = address.ServiceUrl,
            Bot = new ChannelAccount(address.BotId),
            Conversation = new ConversationAccount(conversationType: "personal", id: address.ConversationId, tenantId: address.User.TeamsTenantId),
        }.GetContinuationActivity();

        // The SDK gives the continuation a made-up id, which would make the card a reply to a
        // message that does not exist; without it the card is a new message in the chat.
        continuation.Id = null;
        ProactiveOutcome? outcome = null;
        async Task SendInTurnAsync(ITurnContext turnContext, CancellationToken token) => outcome = await TrySendAsync(turnContext, card, token);

        try
        {
            await adapter.ContinueAsBotAsync(identity.Value, continuation, SendInTurnAsync, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The bot could not even get a token to call the connector.
            return new ProactiveOutcome(ProactiveResult.Failed, Problem: $"no connection to Teams ({exception.GetType().Name})");
        }

        // The tenant gate ends the turn before the callback for a tenant that is not allowed.
        return outcome ?? new ProactiveOutcome(ProactiveResult.Refused, Problem: "the user's tenant is not in Bot:AllowedTenantIds");
    }

    private async Task<ProactiveOutcome> TrySendAsync(ITurnContext turnContext, AdaptiveCard card, CancellationToken cancellationToken)
    {
        try
        {
            var message = (Activity)Replies.ToActivity(card);

            // A new task is news: Teams also puts it in the user's activity feed, not only in the chat.
            message.TeamsNotifyUser();
            await turnContext.SendActivityAsync(message, cancellationToken);
            return ProactiveOutcome.Delivered;
        }
        catch (ErrorResponseException exception) when (exception.Response is not null)
        {
            var status = (int)exception.Response.StatusCode;
            return status switch
            {
                429 => new ProactiveOutcome(ProactiveResult.Throttled, status, RetryAfter(exception.Response.Headers)),
                403 or 404 => new ProactiveOutcome(ProactiveResult.Gone, status),
                401 or 408 or 412 or >= 500 => new ProactiveOutcome(ProactiveResult.Failed, status),
                _ => new ProactiveOutcome(ProactiveResult.Refused, status, Problem: $"Teams answered {status}"),
            };
        }
        catch (HttpRequestException)
        {
            return new ProactiveOutcome(ProactiveResult.Failed, Problem: "Teams could not be reached");
        }
        catch (OperationCanceledException)
        {
            // Inside the adapter's turn an exception would only reach its turn-error handler: the
            // time-out (or the bot stopping) is said here, and the caller sees its own token.
            return new ProactiveOutcome(ProactiveResult.Failed, Problem: "Teams did not answer in time");
        }
        catch (Exception exception) when (exception is Microsoft.Rest.RestException or Microsoft.Rest.SerializationException or Newtonsoft.Json.JsonException)
        {
            // Teams answered something unreadable: whether the message arrived is unknown.
            return new ProactiveOutcome(ProactiveResult.Failed, Problem: $"an unreadable answer from Teams ({exception.GetType().Name})");
        }
    }

    /// <summary>Retry-After as seconds or as a date; null when absent or unreadable.</summary>
    private TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(header => string.Equals(header.Key, RetryAfterHeader, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null || !RetryConditionHeaderValue.TryParse(value, out var retry))
        {
            return null;
        }

        return retry.Delta ?? (retry.Date is { } date ? date - time.GetUtcNow() : null);
    }
}
