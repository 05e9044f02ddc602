namespace IntegrifyBot.Cards;

/// <summary>A line at the top of a card saying what just happened, or what went wrong (see <see cref="CardParts.Banner"/>).</summary>
public sealed record CardNotice(string Text, bool IsProblem);
