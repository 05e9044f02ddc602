namespace IntegrifyBot.Routing;

/// <summary>
/// A search typed into the bot's message extension (the compose box or the command box).
/// </summary>
/// <param name="CommandId">Which of the manifest's search commands.</param>
/// <param name="Search">What was typed; empty when the command has just opened and lists what matters most.</param>
/// <param name="Skip">How many results Teams already shows, when it asks for more.</param>
/// <param name="Count">How many results Teams wants.</param>
public sealed record ExtensionQuery(string CommandId, string Search, int Skip, int Count);
