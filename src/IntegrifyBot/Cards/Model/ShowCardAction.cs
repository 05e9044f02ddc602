namespace IntegrifyBot.Cards.Model;

/// <summary>Unfolds a nested card under the buttons, for example a comment box before rejecting.</summary>
public sealed record ShowCardAction(AdaptiveCard Card) : CardAction;
