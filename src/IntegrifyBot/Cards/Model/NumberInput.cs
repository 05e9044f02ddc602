namespace IntegrifyBot.Cards.Model;

public sealed record NumberInput(string Id) : CardInput(Id)
{
    public string? Placeholder { get; init; }
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}
