namespace IntegrifyBot.Cards.Model;

/// <summary>Teams' own card settings (the card's "msteams" property).</summary>
public sealed record TeamsCardOptions
{
    /// <summary>"Full" lets a card use the whole width of the chat instead of Teams' narrow default.</summary>
    public string? Width { get; init; }

    public static TeamsCardOptions FullWidth { get; } = new() { Width = "Full" };
}
