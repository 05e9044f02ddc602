using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Teams;

/// <summary>
/// Teams activities posted to /api/messages of the real bot (demo mode); replies are read where the
/// real Bot Framework adapter sends them, at a local connector.
/// </summary>
public sealed class MessagesEndpointTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private Uri ServiceUrl => fixture.Connector.ServiceUrl;

    [Fact]
    public async Task Bot_added_to_a_personal_chat_sends_one_welcome_card()
    {
        using var response = await fixture.PostAsync(TeamsActivities.Load("conversation-update-bot-added", ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await fixture.Connector.NextAsync();
        Assert.Equal(TeamsActivities.PersonalConversationId, reply.ConversationId);
        Assert.Contains("I'm the Integrify bot", CardTexts(reply.Card));
        Assert.Contains(Verbs(reply.Card), verb => verb == "command.run");
        Assert.True(fixture.Connector.IsIdle, "Only one welcome is sent.");
    }

    [Fact]
    public async Task Someone_joining_a_channel_later_is_not_greeted()
    {
        using var response = await fixture.PostAsync(TeamsActivities.Load("conversation-update-user-added", ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(fixture.Connector.IsIdle);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("  HELP! ")]
    [InlineData("?")]
    [InlineData("what can you do")]
    public async Task Help_in_a_personal_chat_answers_with_the_help_card(string text)
    {
        using var response = await fixture.PostAsync(TeamsActivities.Message(ServiceUrl, text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await fixture.Connector.NextAsync();
        var texts = CardTexts(reply.Card);
        Assert.Contains("Here's what I can do", texts);
        Assert.DoesNotContain("didn't understand", texts);
        Assert.Equal("AdaptiveCard", reply.Card.GetProperty("type").GetString());
        Assert.Equal("1.5", reply.Card.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Help_with_an_at_mention_in_a_channel_answers_in_that_channel()
    {
        var activity = TeamsActivities.Load("message-channel-mention", ServiceUrl);

        using var response = await fixture.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await fixture.Connector.NextAsync();
        Assert.StartsWith("19:finance-approvals@thread.tacv2", reply.ConversationId, StringComparison.Ordinal);
        Assert.Contains("Here's what I can do", CardTexts(reply.Card));
        Assert.DoesNotContain("didn't understand", CardTexts(reply.Card));
    }

    [Fact]
    public async Task Unknown_text_gets_the_help_card_with_the_text_escaped()
    {
        using var response = await fixture.PostAsync(TeamsActivities.Message(ServiceUrl, "[win a prize](https://evil.example)"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = CardTexts((await fixture.Connector.NextAsync()).Card);
        Assert.Contains("didn't understand", texts);
        Assert.Contains(@"\[win a prize\](https://evil.example)", texts);
        Assert.Contains("Here's what I can do", texts);
    }

    [Fact]
    public async Task Execute_invoke_is_answered_in_the_http_response_with_a_card()
    {
        var data = new JsonObject { ["text"] = "help", ["verb"] = "command.run" };

        using var response = await fixture.PostAsync(TeamsActivities.Execute(ServiceUrl, "command.run", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invokeResponse = await ReadJsonAsync(response);
        Assert.Equal(200, invokeResponse.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeResponse.GetProperty("type").GetString());
        Assert.Contains("Here's what I can do", CardTexts(invokeResponse.GetProperty("value")));
        Assert.True(fixture.Connector.IsIdle, "An Execute is answered in the invoke response, not with a new message.");
    }

    [Fact]
    public async Task Execute_with_an_unknown_verb_gets_a_polite_refusal_card()
    {
        using var response = await fixture.PostAsync(TeamsActivities.Execute(ServiceUrl, "tasks.approveEverything", []));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invokeResponse = await ReadJsonAsync(response);
        Assert.Equal(200, invokeResponse.GetProperty("statusCode").GetInt32());
        Assert.Contains("can't be used any more", CardTexts(invokeResponse.GetProperty("value")));
    }

    [Fact]
    public async Task Execute_with_tampered_data_gets_a_polite_refusal_card()
    {
        var tampered = new JsonObject { ["text"] = new JsonArray(1, 2, 3) };

        using var response = await fixture.PostAsync(TeamsActivities.Execute(ServiceUrl, "command.run", tampered));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("can't be used any more", CardTexts((await ReadJsonAsync(response)).GetProperty("value")));
    }

    [Fact]
    public async Task Execute_without_an_action_value_gets_a_400_invoke_answer_not_silence()
    {
        var activity = TeamsActivities.Execute(ServiceUrl, "command.run", []);
        activity.Remove("value");

        using var response = await fixture.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Submit_replaces_the_clicked_card_with_the_answer()
    {
        var value = new JsonObject { ["verb"] = "command.run", ["text"] = "help" };

        using var response = await fixture.PostAsync(TeamsActivities.Submit(ServiceUrl, value, replyToId: "msg-41"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await fixture.Connector.NextAsync();
        Assert.Equal("PUT", update.Method);
        Assert.Equal("msg-41", update.ActivityId);
        Assert.Contains("Here's what I can do", CardTexts(update.Card));
    }

    [Fact]
    public async Task Submit_without_a_verb_gets_a_polite_refusal()
    {
        using var response = await fixture.PostAsync(TeamsActivities.Submit(ServiceUrl, new JsonObject { ["comment"] = "ok" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("can't be used any more", CardTexts((await fixture.Connector.NextAsync()).Card));
    }

    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"hi\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"from\":{\"id\":\"u\"}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":{\"id\":\"c\"}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":5}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("type=message", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Malformed_requests_get_a_4xx_with_a_reason(string body, string contentType, HttpStatusCode expected)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);

        using var response = await fixture.Client.PostAsync("/api/messages", content);

        Assert.Equal(expected, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.True(fixture.Connector.IsIdle);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        var activity = TeamsActivities.Message(ServiceUrl, new string('x', 300 * 1024));

        using var response = await fixture.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(fixture.Connector.IsIdle);
    }

    [Fact]
    public async Task Without_an_app_id_replies_to_a_non_loopback_service_url_are_refused()
    {
        var activity = TeamsActivities.Message(new Uri("https://smba.trafficmanager.net/emea/"), "help");

        using var response = await fixture.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("this machine", (await ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    internal static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => ReplyReading.ReadJsonAsync(response);

    /// <summary>All text a person would read on the card, joined by new lines.</summary>
    internal static string CardTexts(JsonElement card) => ReplyReading.CardTexts(card);

    internal static IEnumerable<string> Verbs(JsonElement card) => ReplyReading.Verbs(card);
}
