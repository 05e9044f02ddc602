using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Features.Notifications;

/// <summary>The card verbs of notification settings.</summary>
public static class NotificationVerbs
{
    public const string Set = "notifications.set";
}

/// <summary>Turns the clicker's own notifications on or off, whoever's card it was.</summary>
public sealed record SetNotificationsData([property: Required] bool? Enabled);
