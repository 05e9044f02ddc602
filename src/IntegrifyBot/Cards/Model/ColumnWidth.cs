using System.Text.Json.Serialization;
using IntegrifyBot.Cards.Json;

namespace IntegrifyBot.Cards.Model;

/// <summary>
/// A column's width: "auto" (fit the content), "stretch" (take what is left), a relative weight
/// (a JSON number) or a fixed number of pixels ("80px").
/// </summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? keyword, int weight, int pixels) => (Keyword, Weight, Pixels) = (keyword, weight, pixels);

    internal string? Keyword { get; }
    internal int Weight { get; }
    internal int Pixels { get; }

    public static ColumnWidth Auto { get; } = new("auto", 0, 0);
    public static ColumnWidth Stretch { get; } = new("stretch", 0, 0);

    public static ColumnWidth Weighted(int weight) =>
        weight > 0 ? new(null, weight, 0) : throw new ArgumentOutOfRangeException(nameof(weight), "A weight is positive.");

    public static ColumnWidth InPixels(int pixels) =>
        pixels > 0 ? new(null, 0, pixels) : throw new ArgumentOutOfRangeException(nameof(pixels), "A width is positive.");
}
