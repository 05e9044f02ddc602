using System.Text.Json;
using IntegrifyBot.RequestBodies;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.Notifications.Push;

/// <summary>
/// The body of a push: {"username": "alexw", "recipientTaskSid": "…", "message": "…"}. Property names
/// are matched without regard to case, because a process designer types them by hand; other
/// properties are ignored, so a designer may send more than the bot reads.
/// </summary>
/// <param name="UserName">The Integrify username of the task's assignee.</param>
/// <param name="RecipientTaskSid">The assignee's recipient task, lower-case like the sids Integrify's API returns.</param>
/// <param name="Message">A line from the designer shown with the task, or null.</param>
internal sealed record PushNotice(string UserName, string RecipientTaskSid, string? Message)
{
    /// <summary>As long as a linked account's username may be.</summary>
    public const int MaxUserNameLength = 200;

    /// <summary>As long as the outbox keeps a message.</summary>
    public const int MaxMessageLength = Notification.MaxMessageLength;

    private static readonly string[] Fields = ["username", "recipientTaskSid", "message"];

    /// <summary>The notice, or a one-line reason why the body is not one.</summary>
    public static (PushNotice? Notice, string? Problem) Read(ReadOnlyMemory<byte> body)
    {
        // Also what makes reading the fields below safe: no text that is not Unicode, no field twice.
        var (document, problem) = StrictJson.Parse(body);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static (PushNotice? Notice, string? Problem) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "The body must be a JSON object.");
        }

        var values = new string?[Fields.Length];
        foreach (var property in root.EnumerateObject())
        {
            var field = Array.FindIndex(Fields, name => name.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (field < 0)
            {
                continue;
            }

            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, $"{Fields[field]} must be a string.");
            }

            values[field] = property.Value.GetString();
        }

        var (userName, sid, message) = (values[0]?.Trim(), values[1]?.Trim(), values[2]?.Trim());
        if (string.IsNullOrEmpty(userName))
        {
            return (null, "username is required: the Integrify username of the task's assignee.");
        }

        if (userName.Length > MaxUserNameLength)
        {
            return (null, $"username is at most {MaxUserNameLength} characters.");
        }

        if (string.IsNullOrEmpty(sid))
        {
            return (null, "recipientTaskSid is required: the sid (a GUID) of the assignee's recipient task.");
        }

        if (!Guid.TryParse(sid, out _))
        {
            return (null, "recipientTaskSid must be the recipient task's sid, a GUID.");
        }

        message = string.IsNullOrEmpty(message) ? null : message;
        if (message?.Length > MaxMessageLength)
        {
            return (null, $"message is at most {MaxMessageLength} characters.");
        }

        return (new PushNotice(userName, RecipientTasks.Canonical(sid), message), null);
    }
}
