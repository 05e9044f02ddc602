using System.Net;
using System.Net.Http.Json;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Hosting;

public sealed class ProductionModeTests
{
    [Fact]
    public async Task An_unsigned_request_gets_401_and_nothing_is_sent()
    {
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = BotApp.Production();
        using var client = bot.CreateBotClient();

        using var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(connector.ServiceUrl, "help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(connector.IsIdle);
    }

    [Fact]
    public async Task A_forged_bearer_token_gets_401()
    {
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = BotApp.Production();
        using var client = bot.CreateBotClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(TeamsActivities.Message(connector.ServiceUrl, "help")),
        };
        request.Headers.Authorization = new("Bearer", "not.a.jwt");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(connector.IsIdle);
    }

    [Fact]
    public async Task A_malformed_body_gets_400_in_production_too()
    {
        await using var bot = BotApp.Production();
        using var client = bot.CreateBotClient();
        using var content = new StringContent("{\"type\":", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_answer_when_configured()
    {
        await using var bot = BotApp.Production();
        using var client = bot.CreateBotClient();

        using var alive = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_includes_the_database()
    {
        await using var bot = BotApp.Production();
        using var client = bot.CreateBotClient();

        using var ready = await client.GetAsync("/readyz");
        var checks = bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>>().Value.Registrations.Select(registration => registration.Name);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("database", checks);
    }

    [Theory]
    [InlineData("/privacy.html")]
    [InlineData("/terms.html")]
    public async Task The_pages_the_Teams_app_links_to_are_served(string path)
    {
        await using var bot = BotApp.Production();
        using var client = bot.CreateBotClient();

        using var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Integrify", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
