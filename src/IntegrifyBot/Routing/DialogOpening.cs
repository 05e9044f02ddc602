namespace IntegrifyBot.Routing;

/// <summary>An action command opened from the compose box, the command box or a message's "…" menu.</summary>
/// <param name="CommandId">Which of the manifest's action commands.</param>
/// <param name="FromMessage">The text of the message it was opened from, as plain text; null from the compose or command box.</param>
public sealed record DialogOpening(string CommandId, string? FromMessage);
