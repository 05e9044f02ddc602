namespace IntegrifyBot.Cards.Model;

/// <summary>Buttons placed inside the body, for example under the item they act on.</summary>
public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
