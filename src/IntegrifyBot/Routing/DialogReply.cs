using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Routing;

/// <summary>A dialog to show (or to show again, with what was wrong): its title and its card, whose buttons submit it.</summary>
public sealed record DialogReply(string Title, AdaptiveCard Card) : BotReply;
