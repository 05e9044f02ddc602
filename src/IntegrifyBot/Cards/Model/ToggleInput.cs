namespace IntegrifyBot.Cards.Model;

/// <summary>A check box; its value is <see cref="ValueOn"/> or <see cref="ValueOff"/>.</summary>
public sealed record ToggleInput(string Id, string Title) : CardInput(Id)
{
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
    public bool? Wrap { get; init; }
}
