namespace IntegrifyBot.Cards.Model;

/// <summary>A date picker; dates travel as "yyyy-MM-dd", which is how DateOnly serializes.</summary>
public sealed record DateInput(string Id) : CardInput(Id)
{
    public string? Placeholder { get; init; }

    public DateOnly? Value { get; init; }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }
}
