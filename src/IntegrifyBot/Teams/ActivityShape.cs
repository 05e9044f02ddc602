using System.Text.Json;

namespace IntegrifyBot.Teams;

/// <summary>The least an activity must have for the bot to answer it.</summary>
internal static class ActivityShape
{
    private static readonly string[] ActivitiesFromAPerson = ["message", "invoke"];

    /// <returns>Why the activity is refused, or null when it is acceptable.</returns>
    public static string? Check(JsonElement activity, bool requireLoopbackServiceUrl)
    {
        if (activity.ValueKind != JsonValueKind.Object)
        {
            return "An activity is a JSON object.";
        }

        var type = StringAt(activity, "type");
        if (string.IsNullOrWhiteSpace(type))
        {
            return "The activity has no type.";
        }

        if (!Uri.TryCreate(StringAt(activity, "serviceUrl"), UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity has no valid serviceUrl.";
        }

        // Without an app id nothing proves who sent the activity, so the bot must not be made to send
        // its replies to an arbitrary host.
        if (requireLoopbackServiceUrl && !serviceUrl.IsLoopback)
        {
            return "Without a Microsoft app id the bot replies only to a serviceUrl on this machine.";
        }

        if (string.IsNullOrWhiteSpace(StringAt(activity, "conversation", "id")))
        {
            return "The activity has no conversation id.";
        }

        if (ActivitiesFromAPerson.Contains(type, StringComparer.Ordinal) && string.IsNullOrWhiteSpace(StringAt(activity, "from", "id")))
        {
            return "The activity does not say who it is from.";
        }

        return null;
    }

    private static string? StringAt(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
