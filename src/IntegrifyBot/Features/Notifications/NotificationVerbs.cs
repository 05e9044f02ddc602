using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Features.Notifications;

/// <summary>The card verbs of notification settings.</summary>
public static class NotificationVerbs
{
    public const string Set = "notifications.set";
    public const string Digest = "notifications.digest";

    /// <summary>The card's choice of the digest's hour, sent with <see cref="Digest"/>.</summary>
    public const string DigestHourInput = "digestHour";
}

/// <summary>Turns the clicker's own notifications on or off, whoever's card it was.</summary>
public sealed record SetNotificationsData([property: Required] bool? Enabled);

/// <summary>Sets the clicker's own daily digest: an hour 0–23 or "off", as chosen in the card.</summary>
public sealed record SetDigestData([property: MaxLength(8)] string? DigestHour);
