namespace IntegrifyBot.Cards.Model;

/// <summary>
/// Text. Teams renders a small markdown subset in it, so text that comes from outside the bot goes
/// through <see cref="IntegrifyBot.Cards.CardText.Escape"/> first.
/// </summary>
public sealed record TextBlock(string Text) : CardElement
{
    /// <summary>Wrapping is on unless asked otherwise: cut-off text is the most common card bug.</summary>
    public bool? Wrap { get; init; } = true;
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
    public TextBlockStyle? Style { get; init; }
}
