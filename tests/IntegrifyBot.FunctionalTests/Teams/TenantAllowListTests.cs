using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Teams;

public sealed class TenantAllowListTests : IAsyncLifetime
{
    private const string OtherTenant = "99999999-0000-0000-0000-000000000009";
    private LocalConnector connector = null!;
    private BotApp bot = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await LocalConnector.StartAsync();
        bot = await BotApp.DemoWithSimulatorAsync(new Dictionary<string, string?> { ["Bot:AllowedTenantIds:0"] = TeamsActivities.TenantId });
        client = bot.CreateBotClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task A_message_from_an_allowed_tenant_is_answered()
    {
        using var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(connector.ServiceUrl, "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Here's what I can do", MessagesEndpointTests.CardTexts((await connector.NextAsync()).Card));
    }

    [Fact]
    public async Task A_message_from_another_tenant_gets_a_polite_refusal()
    {
        using var response = await client.PostAsJsonAsync("/api/messages", FromOtherTenant(TeamsActivities.Message(connector.ServiceUrl, "help")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = MessagesEndpointTests.CardTexts((await connector.NextAsync()).Card);
        Assert.Contains("Not available for your organisation", texts);
        Assert.DoesNotContain("Here's what I can do", texts);
    }

    [Fact]
    public async Task A_card_action_from_another_tenant_gets_a_refusal_card_as_its_invoke_answer()
    {
        var activity = FromOtherTenant(TeamsActivities.Execute(connector.ServiceUrl, "command.run", new JsonObject { ["text"] = "help" }));

        using var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await MessagesEndpointTests.ReadJsonAsync(response);
        Assert.Equal(200, answer.GetProperty("statusCode").GetInt32());
        Assert.Contains("Not available for your organisation", MessagesEndpointTests.CardTexts(answer.GetProperty("value")));
    }

    [Fact]
    public async Task A_message_extension_search_from_another_tenant_gets_the_refusal_in_the_compose_box()
    {
        var answer = await InvokeFromOtherTenantAsync("composeExtension/query", new JsonObject { ["commandId"] = "myTasks", ["parameters"] = new JsonArray() });

        var result = answer.GetProperty("composeExtension");
        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Contains("Not available for your organisation", result.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_extension_dialog_from_another_tenant_opens_with_the_refusal()
    {
        var answer = await InvokeFromOtherTenantAsync("composeExtension/fetchTask", new JsonObject { ["commandId"] = "startRequest", ["commandContext"] = "compose" });

        var task = answer.GetProperty("task");
        Assert.Equal("continue", task.GetProperty("type").GetString());
        Assert.Contains("Not available for your organisation", MessagesEndpointTests.CardTexts(task.GetProperty("value").GetProperty("card").GetProperty("content")));
    }

    [Fact]
    public async Task Installing_in_another_tenant_sends_nothing()
    {
        using var response = await client.PostAsJsonAsync("/api/messages", FromOtherTenant(TeamsActivities.Load("conversation-update-bot-added", connector.ServiceUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(connector.IsIdle);
    }

    private async Task<System.Text.Json.JsonElement> InvokeFromOtherTenantAsync(string name, JsonObject value)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", FromOtherTenant(TeamsActivities.Invoke(connector.ServiceUrl, name, value)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await MessagesEndpointTests.ReadJsonAsync(response);
    }

    private static JsonObject FromOtherTenant(JsonObject activity)
    {
        activity["channelData"]!["tenant"]!["id"] = OtherTenant;
        activity["conversation"]!["tenantId"] = OtherTenant;
        return activity;
    }
}
