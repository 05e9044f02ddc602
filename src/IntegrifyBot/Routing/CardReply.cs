using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Routing;

/// <param name="Card">What the person who asked (or clicked) sees.</param>
public sealed record CardReply(AdaptiveCard Card) : BotReply
{
    /// <summary>
    /// For a card button in a group chat or channel: what everyone else should now see in place of
    /// the clicked message, since the answer to a click reaches the clicker only. Null leaves it as it is.
    /// </summary>
    public AdaptiveCard? ForEveryone { get; init; }
}
