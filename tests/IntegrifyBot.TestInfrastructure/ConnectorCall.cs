using System.Text.Json;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>One call the bot made to the connector: a new message (POST) or an update (PUT).</summary>
public sealed record ConnectorCall(string Method, string ConversationId, string? ActivityId, JsonElement Activity)
{
    /// <summary>What the connector answered: 200, the status it was told to refuse with, or 0 for a call it held unanswered.</summary>
    public int Status { get; init; } = 200;

    /// <summary>When the connector received it, by its clock.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The Adaptive Card the activity carries, or fails the test if it carries none.</summary>
    public JsonElement Card
    {
        get
        {
            foreach (var attachment in Activity.GetProperty("attachments").EnumerateArray())
            {
                if (attachment.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive")
                {
                    return attachment.GetProperty("content");
                }
            }

            throw new InvalidOperationException("The activity carries no Adaptive Card: " + Activity);
        }
    }

    public string? Text => Activity.TryGetProperty("text", out var text) ? text.GetString() : null;
}
