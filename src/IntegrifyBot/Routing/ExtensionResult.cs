using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Routing;

/// <summary>One message-extension result: the card that is inserted, and the lines Teams lists it by.</summary>
/// <param name="Card">What the conversation gets when the result is picked.</param>
/// <param name="Title">The preview's first line, plain text.</param>
/// <param name="Text">The preview's second line, plain text, or null.</param>
public sealed record ExtensionResult(AdaptiveCard Card, string Title, string? Text = null);
