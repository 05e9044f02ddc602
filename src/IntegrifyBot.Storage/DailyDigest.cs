using System.Globalization;

namespace IntegrifyBot.Storage;

/// <summary>
/// A daily digest is an outbox row like a task's, keyed by its day instead of a task: the outbox's
/// unique index then sends each user one digest a day, however many instances schedule it, and the
/// digest has the outbox's claims, retries and throttling.
/// </summary>
public static class DailyDigest
{
    private const string Prefix = "digest:";
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The outbox key of the user's digest for <paramref name="day"/> (a day in the user's zone).</summary>
    public static string KeyFor(DateOnly day) => Prefix + day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>The day a digest key is for; false for anything else.</summary>
    public static bool TryReadDay(string key, out DateOnly day)
    {
        day = default;
        return key is not null
            && key.StartsWith(Prefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(key.AsSpan(Prefix.Length), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
