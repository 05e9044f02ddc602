namespace IntegrifyBot.Cards.Model;

public sealed record OpenUrlAction(Uri Url) : CardAction;
