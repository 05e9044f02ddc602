namespace IntegrifyBot.Routing;

/// <summary>A text command: the turn, the command matched and the words after it (as typed).</summary>
public sealed record CommandRequest(BotRequest Turn, CommandDescriptor Command, string Arguments);
