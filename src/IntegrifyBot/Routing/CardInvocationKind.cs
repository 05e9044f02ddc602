namespace IntegrifyBot.Routing;

public enum CardInvocationKind
{
    /// <summary>Action.Execute: an invoke that Teams answers by showing the bot's card in place.</summary>
    Execute,

    /// <summary>Action.Submit: a message carrying the card's data, from clients or cards without Execute.</summary>
    Submit,
}
