namespace IntegrifyBot.Routing;

/// <summary>What a feature answers: a card (<see cref="CardReply"/>) or a short message (<see cref="TextReply"/>).</summary>
public abstract record BotReply;
