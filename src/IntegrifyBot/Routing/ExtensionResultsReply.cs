namespace IntegrifyBot.Routing;

/// <summary>
/// Results of a message-extension search or of an unfurled link: each a card to insert into the
/// conversation, with the short preview Teams lists it by. No results leaves a pasted link as it is.
/// </summary>
public sealed record ExtensionResultsReply(IReadOnlyList<ExtensionResult> Results) : BotReply;
