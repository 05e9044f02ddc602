using IntegrifyBot.Cards.Model;
using IntegrifyBot.Storage;

namespace IntegrifyBot.Conversations;

/// <summary>
/// Posts a card into a user's personal chat without their asking: the Teams edge implements it with
/// the Bot Framework, so notifications never see that SDK.
/// </summary>
public interface IProactiveSender
{
    /// <summary>Sends the card; never throws for what Teams answers, but says it in the outcome.</summary>
    Task<ProactiveOutcome> SendAsync(ConversationAddress address, AdaptiveCard card, CancellationToken cancellationToken);
}
