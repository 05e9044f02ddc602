using System.Globalization;

namespace IntegrifyBot.Cards;

/// <summary>Dates as the reader expects them: in their Teams time zone and their locale's format.</summary>
public static class CardDates
{
    /// <summary>"28 Nov 2026, 10:42" in the user's culture and zone; UTC (and says so) when Teams gave no zone.</summary>
    public static string Format(DateTimeOffset at, string? locale, string? timeZone)
    {
        var culture = CultureFor(locale);
        var zone = ZoneFor(timeZone);
        var local = zone is null ? at.ToUniversalTime() : TimeZoneInfo.ConvertTime(at, zone);
        var text = local.ToString("g", culture);
        return zone is null ? text + " UTC" : text;
    }

    private static CultureInfo CultureFor(string? locale)
    {
        try
        {
            return string.IsNullOrWhiteSpace(locale) ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-US");
        }
    }

    private static TimeZoneInfo? ZoneFor(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null;
    }
}
