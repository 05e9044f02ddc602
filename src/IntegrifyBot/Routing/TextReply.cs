namespace IntegrifyBot.Routing;

public sealed record TextReply(string Text) : BotReply;
