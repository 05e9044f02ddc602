namespace IntegrifyBot.Cards;

/// <summary>Dates as the reader expects them: in their Teams time zone and their locale's format.</summary>
public static class CardDates
{
    /// <summary>"28 Nov 2026, 10:42" in the user's culture and zone; UTC (and says so) when Teams gave no zone.</summary>
    public static string Format(DateTimeOffset at, string? locale, string? timeZone)
    {
        var zone = Zone(timeZone);
        var text = Local(at, zone).ToString("g", CardCulture.For(locale));
        return zone is null ? text + " UTC" : text;
    }

    /// <summary>The day alone, "11/28/2026" or "28.11.2026", in the user's zone.</summary>
    public static string FormatDay(DateTimeOffset at, string? locale, string? timeZone) =>
        Local(at, Zone(timeZone)).ToString("d", CardCulture.For(locale));

    /// <summary>The zone of an IANA name as Teams reports it; null when there is none or it is unknown here.</summary>
    public static TimeZoneInfo? Zone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null;
    }

    private static DateTimeOffset Local(DateTimeOffset at, TimeZoneInfo? zone) =>
        zone is null ? at.ToUniversalTime() : TimeZoneInfo.ConvertTime(at, zone);
}
