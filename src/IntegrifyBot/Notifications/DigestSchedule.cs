using IntegrifyBot.Cards;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.Notifications;

/// <summary>
/// When a user's daily digest is due: from their chosen hour on, once a day, where "day" and "hour"
/// are the user's own, in the time zone their Teams client last reported (UTC until it did).
/// </summary>
public static class DigestSchedule
{
    /// <summary>The user's day whose digest is due now; null when none is (not yet their hour, or sent today).</summary>
    public static DateOnly? DueDay(NotificationSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DigestHour is not { } hour || !settings.Enabled)
        {
            return null;
        }

        var local = Local(now, settings.TimeZone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < hour || (settings.LastDigestOn is { } last && DateOnly.FromDateTime(last) >= today))
        {
            return null;
        }

        return today;
    }

    /// <summary>
    /// The day to record as "already sent" when the user chooses <paramref name="hour"/> now: today
    /// when that hour has passed (a digest right after choosing would be a surprise; the first is
    /// tomorrow's), otherwise none, so that today's comes at the hour.
    /// </summary>
    public static DateTime? AlreadyServedWhenChosen(int hour, string? timeZone, DateTimeOffset now)
    {
        var local = Local(now, timeZone);
        return local.Hour >= hour ? DateTime.SpecifyKind(local.Date, DateTimeKind.Utc) : null;
    }

    /// <summary>The end of the user's day <paramref name="day"/>: what is due before it is due "today".</summary>
    public static DateTimeOffset EndOf(DateOnly day, string? timeZone)
    {
        var zone = Zone(timeZone);
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A midnight skipped by a clock change does not exist; the hour after it does.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddHours(1);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>Today in the user's zone.</summary>
    public static DateOnly Today(string? timeZone, DateTimeOffset now) => DateOnly.FromDateTime(Local(now, timeZone).DateTime);

    private static DateTimeOffset Local(DateTimeOffset now, string? timeZone) => TimeZoneInfo.ConvertTime(now, Zone(timeZone));

    private static TimeZoneInfo Zone(string? timeZone) => CardDates.Zone(timeZone) ?? TimeZoneInfo.Utc;
}
