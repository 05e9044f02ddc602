using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Teams;

/// <summary>
/// Invokes Teams can send that the bot does not offer (the compose box, dialogs, tabs, settings, a
/// search-as-you-type input, single sign-on, names nobody knows): each gets the answer its Teams
/// surface expects, never 501 with an empty body, which Teams shows as an error.
/// </summary>
public sealed class UnofferedInvokeTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    [Theory]
    [InlineData("composeExtension/selectItem")]
    [InlineData("composeExtension/querySettingUrl")]
    public async Task The_compose_box_shows_a_message_instead_of_an_error(string name)
    {
        var answer = await InvokeAsync(name);

        var result = answer.GetProperty("composeExtension");
        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Contains("type help", result.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("composeExtension/queryLink")]
    [InlineData("composeExtension/anonymousQueryLink")]
    public async Task A_pasted_link_to_another_host_is_left_as_it_is(string name)
    {
        var answer = await InvokeAsync(name, new JsonObject { ["url"] = "https://acme.integrify.com/request/1001" });

        var result = answer.GetProperty("composeExtension");
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal(0, result.GetProperty("attachments").GetArrayLength());
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("task/submit")]
    [InlineData("message/fetchTask")]
    public async Task A_dialog_opens_with_a_message_instead_of_an_error(string name)
    {
        var answer = await InvokeAsync(name, new JsonObject { ["commandId"] = "startRequest", ["data"] = new JsonObject() });

        var task = answer.GetProperty("task");
        Assert.Equal("message", task.GetProperty("type").GetString());
        Assert.Contains("type help", task.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config/fetch")]
    [InlineData("config/submit")]
    public async Task The_bots_settings_say_there_are_none_here(string name)
    {
        var answer = await InvokeAsync(name);

        Assert.Equal("config", answer.GetProperty("responseType").GetString());
        Assert.Equal("message", answer.GetProperty("config").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("tab/fetch")]
    [InlineData("tab/submit")]
    public async Task A_tab_gets_an_empty_page(string name)
    {
        var answer = await InvokeAsync(name);

        Assert.Equal("continue", answer.GetProperty("tab").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_search_as_you_type_input_finds_nothing()
    {
        var answer = await InvokeAsync("application/search", new JsonObject { ["kind"] = "search", ["queryText"] = "lap", ["dataset"] = "people" });

        Assert.Equal(200, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.search.searchResponse", answer.GetProperty("type").GetString());
        Assert.Equal(0, answer.GetProperty("value").GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Single_sign_on_is_declined_as_the_protocol_asks_so_teams_falls_back()
    {
        using var response = await PostInvokeAsync("signin/tokenExchange", new JsonObject { ["id"] = "exchange-1", ["connectionName"] = "sso", ["token"] = "eyJ..." });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var answer = await MessagesEndpointTests.ReadJsonAsync(response);
        Assert.Equal("exchange-1", answer.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("failureDetail").GetString()));
    }

    [Theory]
    [InlineData("composeExtension/setting")]
    [InlineData("composeExtension/onCardButtonClicked")]
    [InlineData("fileConsent/invoke")]
    [InlineData("actionableMessage/executeAction")]
    [InlineData("message/submitAction")]
    [InlineData("handoff/action")]
    [InlineData("signin/failure")]
    [InlineData("healthCheck")]
    [InlineData("someone/madeThisUp")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Any_other_invoke_gets_an_empty_200(string? name)
    {
        using var response = await PostInvokeAsync(name, new JsonObject());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(fixture.Connector.IsIdle, "Nothing is posted into the conversation.");
    }

    private async Task<JsonElement> InvokeAsync(string name, JsonObject? value = null)
    {
        using var response = await PostInvokeAsync(name, value ?? new JsonObject());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(fixture.Connector.IsIdle, "The answer is the invoke's response, not a message.");
        return await MessagesEndpointTests.ReadJsonAsync(response);
    }

    private Task<HttpResponseMessage> PostInvokeAsync(string? name, JsonObject value)
    {
        var activity = TeamsActivities.Execute(fixture.Connector.ServiceUrl, "command.run", []);
        activity["value"] = value;
        if (name is null)
        {
            activity.Remove("name");
        }
        else
        {
            activity["name"] = name;
        }

        return fixture.PostAsync(activity);
    }
}
