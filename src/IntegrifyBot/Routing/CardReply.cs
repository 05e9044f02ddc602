using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Routing;

public sealed record CardReply(AdaptiveCard Card) : BotReply;
