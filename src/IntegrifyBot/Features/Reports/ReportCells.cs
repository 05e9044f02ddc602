using System.Globalization;
using System.Text.Json;
using IntegrifyBot.Cards;
using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Reports;

/// <summary>A report's values as the reader expects them, by the column's type, in their culture and time zone.</summary>
public static class ReportCells
{
    public static bool IsNumeric(ReportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Type(column) is "number" or "integer" or "decimal" or "currency" or "money";
    }

    public static bool IsDate(ReportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Type(column) is "date" or "datetime";
    }

    /// <summary>The cell's text, not yet escaped for a card.</summary>
    public static string Format(ReportColumn column, JsonElement value, string? locale, string? timeZone)
    {
        ArgumentNullException.ThrowIfNull(column);
        var culture = CardCulture.For(locale);
        return (Type(column), value.ValueKind) switch
        {
            (_, JsonValueKind.Null or JsonValueKind.Undefined) => string.Empty,
            (_, JsonValueKind.True) => "Yes",
            (_, JsonValueKind.False) => "No",
            ("currency" or "money", _) when Number(value) is { } amount => amount.ToString("N2", culture),

            // Whole numbers in reports are mostly numbers of things and identifiers ("Request #"),
            // where a thousands separator reads wrong; fractions take the culture's decimal mark.
            (_, _) when IsNumeric(column) && Number(value) is { } number =>
                number == decimal.Truncate(number) ? number.ToString("0", culture) : number.ToString("#,0.##########", culture),
            ("date" or "datetime", JsonValueKind.String) when Moment(value.GetString()) is { } moment => Date(moment, locale, timeZone),
            (_, JsonValueKind.String) => value.GetString() ?? string.Empty,
            _ => value.GetRawText(),
        };
    }

    /// <summary>
    /// A value at midnight UTC is a calendar day (Integrify's date fields): it is the same day
    /// everywhere, so it is not moved into the reader's zone. Any other moment is.
    /// </summary>
    private static string Date(DateTimeOffset moment, string? locale, string? timeZone) =>
        moment.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(moment.UtcDateTime).ToString("d", CardCulture.For(locale))
            : CardDates.Format(moment, locale, timeZone);

    private static string Type(ReportColumn column) => (column.Type ?? string.Empty).Trim().ToLowerInvariant();

    private static decimal? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static DateTimeOffset? Moment(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment : null;
}
