namespace IntegrifyBot.Cards;

/// <summary>A line at the top of a card saying what just happened, or what went wrong (see <see cref="CardParts.Banner"/>).</summary>
/// <param name="Text">As the person who acted reads it ("You chose …").</param>
/// <param name="IsProblem">Whether it says that something could not be done.</param>
/// <param name="Done">What was done, as the others in a shared conversation read it ("chose … on …"), or null when nothing was.</param>
public sealed record CardNotice(string Text, bool IsProblem, string? Done = null);
