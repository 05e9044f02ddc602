namespace IntegrifyBot.Cards.Model;

public sealed record TextInput(string Id) : CardInput(Id)
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }

    /// <summary><see cref="TextInputStyle.Password"/> masks what is typed.</summary>
    public TextInputStyle? Style { get; init; }
    public string? Regex { get; init; }
}
