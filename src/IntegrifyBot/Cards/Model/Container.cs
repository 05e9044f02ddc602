namespace IntegrifyBot.Cards.Model;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
    public CardAction? SelectAction { get; init; }
}
