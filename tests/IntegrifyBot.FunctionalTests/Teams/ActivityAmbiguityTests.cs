using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Teams;

/// <summary>
/// An activity whose JSON names a field twice (in the same or another spelling) can be read two ways:
/// the Bot Framework SDK matches names without regard to case and keeps the last. Without an app id
/// the gate lets replies go only to this machine; these activities, from linked Alex asking for his
/// tasks, try to send his task list elsewhere. Every request the bot's HTTP clients make is recorded.
/// </summary>
public sealed class ActivityAmbiguityTests : IAsyncLifetime
{
    private const string Elsewhere = "https://attacker.example/";

    private LinkingBot bot = null!;

    public static TheoryData<string> SecondSpellings => new()
    {
        "after:\"ServiceUrl\":\"" + Elsewhere + "\"",
        "after:\"serviceUrl\":\"" + Elsewhere + "\"",
        "before:\"SERVICEURL\":\"" + Elsewhere + "\"",
        "after:\"Conversation\":{\"conversationType\":\"personal\",\"id\":\"a:someone-else\"}",
        "after:\"From\":{\"id\":\"29:mallory\",\"aadObjectId\":\"00000000-0000-0000-0000-0000000000ff\"}",
        "after:\"Type\":\"invoke\"",
        "after:\"ChannelData\":{\"tenant\":{\"id\":\"another-tenant\"}}",
        "after:\"TEXT\":\"help\"",
    };

    public async Task InitializeAsync()
    {
        bot = await LinkingBot.StartAsync();
        await bot.LinkAlexAsync();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Theory]
    [MemberData(nameof(SecondSpellings))]
    public async Task A_field_given_twice_is_refused_and_nothing_leaves_this_machine(string member)
    {
        var activity = TeamsActivities.Message(bot.Connector.ServiceUrl, "tasks");
        var json = member.StartsWith("after:", StringComparison.Ordinal)
            ? RawJson.Append(activity, member["after:".Length..])
            : RawJson.Prepend(activity, member["before:".Length..]);

        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than once", (await MessagesEndpointTests.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(bot.Outbound.OffThisMachine);
        Assert.True(bot.Connector.IsIdle, "Nothing is answered to a refused activity.");
        Assert.Equal(bot.Connector.ServiceUrl.ToString(), (await AlexsChatAsync())?.ServiceUrl);
    }

    [Fact]
    public async Task A_field_twice_in_a_nested_object_is_refused()
    {
        var activity = TeamsActivities.Message(bot.Connector.ServiceUrl, "tasks");
        activity["conversation"]!["ID"] = "a:someone-else";

        using var response = await bot.Client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Outbound.OffThisMachine);
        Assert.True(bot.Connector.IsIdle);
    }

    [Fact]
    public async Task A_service_url_in_another_spelling_is_judged_as_the_sdk_reads_it()
    {
        var away = TeamsActivities.Message(bot.Connector.ServiceUrl, "tasks");
        away.Remove("serviceUrl");
        away["SERVICEURL"] = Elsewhere;
        var here = TeamsActivities.Message(bot.Connector.ServiceUrl, "help");
        here.Remove("serviceUrl");
        here["SERVICEURL"] = bot.Connector.ServiceUrl.ToString();

        using var refused = await bot.Client.PostAsJsonAsync("/api/messages", away);
        using var answered = await bot.Client.PostAsJsonAsync("/api/messages", here);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("this machine", (await MessagesEndpointTests.ReadJsonAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Here's what I can do", LinkingBot.Texts((await bot.Connector.NextAsync()).Card), StringComparison.Ordinal);

        // The recorder saw the reply leave for the connector: it would have seen one leave for elsewhere.
        Assert.Contains(bot.Outbound.All, call => call.Port == bot.Connector.ServiceUrl.Port);
        Assert.Empty(bot.Outbound.OffThisMachine);
    }

    [Fact]
    public async Task Without_an_app_id_no_reply_or_member_lookup_ever_goes_to_another_host()
    {
        var activity = TeamsActivities.Message(new Uri(Elsewhere), "tasks");

        using var response = await bot.Client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Outbound.OffThisMachine);
        Assert.Equal(bot.Connector.ServiceUrl.ToString(), (await AlexsChatAsync())?.ServiceUrl);
    }

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await bot.Client.PostAsync("/api/messages", content);
    }

    private Task<ConversationAddress?> AlexsChatAsync() =>
        bot.Service<ConversationAddresses>().FindAsync(LinkingBot.Alex, CancellationToken.None);
}
