namespace IntegrifyBot.Cards.Model;

public sealed record Image(Uri Url) : CardElement
{
    /// <summary>What screen readers say; every image the bot shows has one.</summary>
    public string? AltText { get; init; }
    public ImageSize? Size { get; init; }
    public ImageStyle? Style { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
