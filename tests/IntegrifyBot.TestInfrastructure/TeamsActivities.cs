using System.Text.Json.Nodes;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Teams-shaped activities as Teams (and the Agents Playground) send them, read from the JSON files
/// in Activities/ and pointed at a test's connector.
/// </summary>
public static class TeamsActivities
{
    public const string UserId = "29:1a2b3c-alex";
    public const string UserAadObjectId = "00000000-0000-0000-0000-0000000000a1";
    public const string BotId = "28:integrify-bot";
    public const string TenantId = "00000000-0000-0000-0000-000000000001";
    public const string PersonalConversationId = "a:personal-alex";

    public static JsonObject Load(string name, Uri serviceUrl)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Activities", name + ".json");
        var activity = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        activity["serviceUrl"] = serviceUrl.ToString();
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O");
        return activity;
    }

    public static JsonObject Message(Uri serviceUrl, string text)
    {
        var activity = Load("message-personal", serviceUrl);
        activity["text"] = text;
        return activity;
    }

    /// <summary>A message in a team channel, @mentioning the bot as Teams requires there.</summary>
    public static JsonObject ChannelMessage(Uri serviceUrl, string text)
    {
        var activity = Load("message-channel-mention", serviceUrl);
        activity["text"] = "<at>Integrify</at> " + text;
        return activity;
    }

    public static JsonObject Execute(Uri serviceUrl, string verb, JsonObject data, string replyToId = "msg-card")
    {
        var activity = Load("invoke-execute", serviceUrl);
        activity["replyToId"] = replyToId;
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        return activity;
    }

    /// <summary>Another invoke Teams sends, such as the message extension's (composeExtension/query), as Alex in his personal chat.</summary>
    public static JsonObject Invoke(Uri serviceUrl, string name, JsonObject value)
    {
        var activity = Load("invoke-execute", serviceUrl);
        activity["name"] = name;
        activity["value"] = value;
        activity.Remove("replyToId");
        return activity;
    }

    /// <summary>A group chat of Alex's tenant, as an activity's "conversation" names it.</summary>
    public static JsonObject GroupChat() => new()
    {
        ["conversationType"] = "groupChat",
        ["isGroup"] = true,
        ["tenantId"] = TenantId,
        ["id"] = "19:group-chat-alex-megan@thread.v2",
    };

    public static JsonObject Submit(Uri serviceUrl, JsonObject value, string replyToId = "msg-card")
    {
        var activity = Load("message-personal", serviceUrl);
        activity.Remove("text");
        activity["replyToId"] = replyToId;
        activity["value"] = value;
        return activity;
    }
}
