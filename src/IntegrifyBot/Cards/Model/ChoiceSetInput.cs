namespace IntegrifyBot.Cards.Model;

public sealed record ChoiceSetInput(string Id, IReadOnlyList<Choice> Choices) : CardInput(Id)
{
    public ChoiceInputStyle? Style { get; init; }
    public bool? IsMultiSelect { get; init; }

    /// <summary>The chosen value; several are joined with commas when <see cref="IsMultiSelect"/>.</summary>
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool? Wrap { get; init; }
}
