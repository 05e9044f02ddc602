using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Teams;

/// <summary>
/// Activities that parse as JSON but are not what Teams sends: text that is not Unicode, channel data
/// that is not an object, and every field of real Teams activities replaced by values of every JSON
/// kind. Each gets a 4xx with one line of why or an ordinary answer: never a 5xx, an error in the
/// log, a stack trace, or a request to another host.
/// </summary>
public sealed class MalformedActivityTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    /// <summary>Stands for a lone surrogate escape, which a JsonNode cannot hold; written into the text after.</summary>
    private const string LoneSurrogate = "@@lone-surrogate@@";

    private Uri ServiceUrl => fixture.Connector.ServiceUrl;

    public static TheoryData<string, string> TextFields => new()
    {
        { "message-personal", "type" },
        { "message-personal", "id" },
        { "message-personal", "serviceUrl" },
        { "message-personal", "conversation.id" },
        { "message-personal", "from.id" },
        { "message-personal", "from.name" },
        { "message-personal", "recipient.id" },
        { "message-personal", "text" },
        { "message-personal", "locale" },
        { "message-personal", "channelData.tenant.id" },
        { "message-personal", "entities.0.timezone" },
        { "invoke-execute", "name" },
        { "invoke-execute", "value.action.verb" },
        { "invoke-execute", "value.action.data.comment" },
        { "conversation-update-bot-added", "membersAdded.0.id" },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task A_lone_surrogate_in_any_text_gets_400_with_the_reason(string activityFile, string path)
    {
        var activity = TeamsActivities.Load(activityFile, ServiceUrl);
        Set(activity, path, LoneSurrogate);

        using var response = await fixture.PostRawAsync(WithLoneSurrogates(activity));

        await AssertRefusedAsync(response, "not valid Unicode");
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_property_name_gets_400()
    {
        var activity = TeamsActivities.Message(ServiceUrl, "help");
        activity["channelData"]![LoneSurrogate] = "x";

        using var response = await fixture.PostRawAsync(WithLoneSurrogates(activity));

        await AssertRefusedAsync(response, "not valid Unicode");
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_get_400()
    {
        var json = Encoding.UTF8.GetBytes(TeamsActivities.Message(ServiceUrl, "@@").ToJsonString());
        var at = json.AsSpan().IndexOf("@@"u8);
        json[at] = 0xFF;
        json[at + 1] = 0xFE;
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");

        using var response = await fixture.Client.PostAsync("/api/messages", content);

        await AssertRefusedAsync(response, "not valid");
    }

    [Theory]
    [InlineData("message-personal", "\"tenant\"")]
    [InlineData("message-personal", "5")]
    [InlineData("invoke-execute", "[{\"tenant\":{}}]")]
    [InlineData("conversation-update-bot-added", "true")]
    [InlineData("installation-update-add", "\"x\"")]
    public async Task Channel_data_that_is_not_an_object_gets_400(string activityFile, string channelData)
    {
        var activity = TeamsActivities.Load(activityFile, ServiceUrl);
        activity["channelData"] = JsonNode.Parse(channelData);

        using var response = await fixture.PostAsync(activity);

        await AssertRefusedAsync(response, "channelData");
    }

    [Fact]
    public async Task Nesting_deeper_than_any_activity_gets_400()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));

        using var response = await fixture.PostRawAsync(RawJson.Append(TeamsActivities.Message(ServiceUrl, "help"), "\"deep\":" + deep));

        await AssertRefusedAsync(response, "nested");
    }

    /// <summary>
    /// Every field of real Teams activities (a message, one in a channel with an @mention, a card
    /// button by Action.Execute and by Action.Submit, the bot added, the app installed) replaced, one
    /// at a time, by a value of each JSON kind, or removed.
    /// </summary>
    [Fact]
    public async Task No_field_of_any_kind_brings_a_server_error_a_logged_stack_or_a_request_elsewhere()
    {
        var bases = new[]
        {
            TeamsActivities.Message(ServiceUrl, "help"),
            TeamsActivities.Load("message-channel-mention", ServiceUrl),
            TeamsActivities.Execute(ServiceUrl, "command.run", new JsonObject { ["text"] = "help" }),
            TeamsActivities.Submit(ServiceUrl, new JsonObject { ["verb"] = "command.run", ["text"] = "help" }),
            Invoke("signin/verifyState", new JsonObject { ["state"] = "123456" }),
            Invoke("composeExtension/query", new JsonObject
            {
                ["commandId"] = "searchTasks",
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = "laptop" }),
                ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            }),
            TeamsActivities.Load("conversation-update-bot-added", ServiceUrl),
            TeamsActivities.Load("installation-update-add", ServiceUrl),
        };
        var variants = bases.SelectMany(Variants).ToList();
        var answers = new List<(string Variant, HttpStatusCode Status, string Body)>();

        // A few at a time, as Teams would send them.
        foreach (var batch in variants.Chunk(4))
        {
            answers.AddRange(await Task.WhenAll(batch.Select(async variant =>
            {
                using var response = await fixture.PostRawAsync(variant.Json);
                return (variant.Name, response.StatusCode, await response.Content.ReadAsStringAsync());
            })));
        }

        Assert.True(variants.Count > 3000, $"Only {variants.Count} variants were tried.");
        Assert.Empty(answers.Where(answer => (int)answer.Status >= 500).Select(answer => $"{answer.Variant}: {(int)answer.Status}"));
        Assert.Empty(answers
            .Where(answer => (int)answer.Status is >= 400 and < 500 && !HasOneLineReason(answer.Body))
            .Select(answer => $"{answer.Variant}: {(int)answer.Status} {answer.Body}"));
        Assert.Contains(answers, answer => answer.Status == HttpStatusCode.OK);
        Assert.Contains(answers, answer => answer.Status == HttpStatusCode.BadRequest);
        AssertNoErrorLogged();
        Assert.Empty(fixture.Outbound.OffThisMachine);
    }

    private JsonObject Invoke(string name, JsonObject value)
    {
        var activity = TeamsActivities.Execute(ServiceUrl, "command.run", []);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    private static IEnumerable<(string Name, string Json)> Variants(JsonObject activity)
    {
        JsonNode?[] kinds =
        [
            null, 0, -1.5e300, true, string.Empty, new string('x', 5000), "not a url", new JsonArray(), new JsonObject(),
            new JsonArray((JsonNode?)null), new JsonObject { ["id"] = new JsonArray(new JsonObject()) }, LoneSurrogate,
        ];
        var kind = activity["type"]!.GetValue<string>() + (activity["name"] is { } name ? "/" + name : string.Empty);
        foreach (var path in Paths(activity, prefix: string.Empty))
        {
            foreach (var value in kinds)
            {
                var variant = activity.DeepClone().AsObject();
                Set(variant, path, value?.DeepClone());
                var shown = value?.ToJsonString() ?? "null";
                yield return ($"{kind} {path}={(shown.Length > 40 ? shown[..40] + "…" : shown)}", WithLoneSurrogates(variant));
            }

            var removed = activity.DeepClone().AsObject();
            Remove(removed, path);
            yield return ($"{kind} {path} removed", removed.ToJsonString());
        }
    }

    /// <summary>Every property and array item under <paramref name="node"/>, as dotted paths.</summary>
    private static IEnumerable<string> Paths(JsonNode node, string prefix)
    {
        IEnumerable<(string Key, JsonNode? Child)> children = node switch
        {
            JsonObject obj => obj.Select(property => (property.Key, property.Value)),
            JsonArray array => array.Select((item, index) => (index.ToString(System.Globalization.CultureInfo.InvariantCulture), item)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            yield return path;
            if (child is not null)
            {
                foreach (var inner in Paths(child, path))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void Set(JsonObject activity, string path, JsonNode? value)
    {
        var (parent, key) = Parent(activity, path);
        if (parent is JsonArray array)
        {
            array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent.AsObject()[key] = value;
        }
    }

    private static void Remove(JsonObject activity, string path)
    {
        var (parent, key) = Parent(activity, path);
        if (parent is JsonArray array)
        {
            array.RemoveAt(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            parent.AsObject().Remove(key);
        }
    }

    private static (JsonNode Parent, string Key) Parent(JsonObject activity, string path)
    {
        var keys = path.Split('.');
        JsonNode node = activity;
        foreach (var key in keys[..^1])
        {
            node = (node is JsonArray array ? array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : node[key])!;
        }

        return (node, keys[^1]);
    }

    private static string WithLoneSurrogates(JsonObject activity) =>
        activity.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);

    /// <summary>
    /// A problem's detail, or the message of an Action.Execute's error answer (Universal Actions'
    /// application/vnd.microsoft.error), in one line.
    /// </summary>
    private static bool HasOneLineReason(string body)
    {
        using var answer = JsonDocument.Parse(body);
        var root = answer.RootElement;
        var reason = root.TryGetProperty("detail", out var detail) ? detail
            : root.TryGetProperty("type", out var type) && type.GetString() == "application/vnd.microsoft.error" ? root.GetProperty("value").GetProperty("message")
            : default;
        return reason.ValueKind == JsonValueKind.String
            && reason.GetString() is { Length: > 0 } text
            && !text.Contains('\n', StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(HasOneLineReason(body), body);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        AssertNoErrorLogged();
    }

    /// <summary>No error, and no stack trace at any level, in everything the bot logged so far.</summary>
    private void AssertNoErrorLogged() => Assert.Empty(fixture.Logs.ErrorsAndStacks());
}
