using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrifyBot.Notifications;

/// <summary>The hour of a daily digest as people type or pick it: "8", "8am", "17:00", "5 pm", or "off".</summary>
public static partial class DigestHours
{
    /// <summary>The value of "no digest" in the card's choice.</summary>
    public const string Off = "off";

    /// <summary>True when <paramref name="text"/> is an hour (0–23) or "off" (then <paramref name="hour"/> is null).</summary>
    public static bool TryParse(string? text, out int? hour)
    {
        hour = null;
        var typed = text?.Trim().ToLowerInvariant() ?? string.Empty;
        if (typed is Off or "none" or "no")
        {
            return true;
        }

        var match = HourPattern().Match(typed);
        if (!match.Success || !int.TryParse(match.Groups["hour"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var half = match.Groups["half"].Value;
        if (half.Length > 0)
        {
            if (value is < 1 or > 12)
            {
                return false;
            }

            value = (value % 12) + (half == "pm" ? 12 : 0);
        }

        if (value > 23)
        {
            return false;
        }

        hour = value;
        return true;
    }

    /// <summary>"8:00 AM" or "08:00", as the user's locale writes an hour.</summary>
    public static string Format(int hour, CultureInfo culture) =>
        new DateTime(2000, 1, 1, hour, 0, 0, DateTimeKind.Unspecified).ToString("t", culture);

    [GeneratedRegex(@"^(?:at\s+)?(?<hour>\d{1,2})(?::00)?\s*(?<half>am|pm)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HourPattern();
}
