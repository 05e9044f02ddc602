using System.Text.Json;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace IntegrifyBot.Teams;

/// <summary>The least an activity must have for the bot to answer it.</summary>
internal static class ActivityShape
{
    private static readonly string[] ActivitiesFromAPerson = [ActivityTypes.Message, ActivityTypes.Invoke];

    /// <summary>Fields that are text in every activity; the SDK would quietly turn a number into text.</summary>
    private static readonly string[][] TextFields = [["type"], ["serviceUrl"], ["conversation", "id"], ["from", "id"], ["recipient", "id"], ["name"]];

    /// <summary>Checks the JSON as sent, before the SDK reads it.</summary>
    /// <returns>Why the activity is refused, or null when it is acceptable.</returns>
    public static string? CheckJson(JsonElement activity)
    {
        if (activity.ValueKind != JsonValueKind.Object)
        {
            return "An activity is a JSON object.";
        }

        foreach (var path in TextFields)
        {
            if (At(activity, path) is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) })
            {
                return $"The activity's {string.Join('.', path)} must be a string.";
            }
        }

        return null;
    }

    /// <summary>Checks the activity as the SDK read it: these are the values it will act on.</summary>
    /// <returns>Why the activity is refused, or null when it is acceptable.</returns>
    public static string? Check(Activity activity, ReplyAddresses addresses)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (addresses.Refusal(activity.ServiceUrl) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation id.";
        }

        if (ActivitiesFromAPerson.Contains(activity.Type, StringComparer.Ordinal) && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity does not say who it is from.";
        }

        // The SDK reads Teams' channel data, and an invoke's value, as JSON objects and fails on
        // anything else deep inside a turn.
        if (activity.ChannelData is not (null or JObject))
        {
            return "The activity's channelData must be a JSON object.";
        }

        if (activity.Type == ActivityTypes.Invoke && activity.Value is not (null or JObject))
        {
            return "An invoke's value must be a JSON object.";
        }

        // The SDK's lists keep a JSON null as a null item, which its own code (and ours) does not expect.
        if (EmptyItemIn(activity) is { } list)
        {
            return $"The activity's {list} hold an empty item.";
        }

        return MentionsProblem(activity);
    }

    private static string? EmptyItemIn(Activity activity) =>
        activity.MembersAdded?.Contains(null!) == true ? "membersAdded"
        : activity.MembersRemoved?.Contains(null!) == true ? "membersRemoved"
        : activity.Entities?.Contains(null!) == true ? "entities"
        : activity.Attachments?.Contains(null!) == true ? "attachments"
        : activity.ReactionsAdded?.Contains(null!) == true ? "reactionsAdded"
        : activity.ReactionsRemoved?.Contains(null!) == true ? "reactionsRemoved"
        : null;

    /// <summary>A message's @mentions, read as the SDK reads them when it takes the bot's mention out of the text.</summary>
    private static string? MentionsProblem(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message || activity.Entities is null)
        {
            return null;
        }

        try
        {
            return activity.GetMentions().Any(mention => mention.Mentioned is null)
                ? "A mention in the activity's entities does not say who is mentioned."
                : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return "A mention in the activity's entities is not one.";
        }
    }

    /// <summary>
    /// The property at <paramref name="path"/>, with names matched without regard to case as the SDK
    /// matches them (a body with two spellings of one name was already refused), or null.
    /// </summary>
    private static JsonElement? At(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement? found = null;
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    found = property.Value;
                    break;
                }
            }

            if (found is not { } next)
            {
                return null;
            }

            element = next;
        }

        return element;
    }
}
