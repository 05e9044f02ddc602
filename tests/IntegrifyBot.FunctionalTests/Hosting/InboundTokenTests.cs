using System.Net;
using System.Net.Http.Json;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrifyBot.FunctionalTests.Hosting;

/// <summary>
/// The production bot checks every inbound token with the real Bot Framework SDK against a stand-in
/// for the Bot Framework's issuer on 127.0.0.1 (<see cref="BotFrameworkIssuer"/>): genuine tokens are
/// accepted, every other token is refused with 401, and while no signing keys can be had at all the
/// answer is 503; never a 500, never a stack trace in the log.
/// </summary>
public sealed class InboundTokenTests
{
    [Theory]
    [InlineData("answers 503")]
    [InlineData("is unreachable")]
    public async Task A_forged_token_while_the_Bot_Framework_metadata_cannot_be_fetched_gets_503_and_one_log_line_that_names_the_outage(string metadataHost)
    {
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        if (metadataHost == "answers 503")
        {
            issuer.GoDown();
        }
        else
        {
            await issuer.GoAwayAsync();
        }

        await using var connector = await LocalConnector.StartAsync();
        var logs = new RecordedLogs();
        await using var bot = BotApp.Production(issuer.BotSettings(), services => services.AddSingleton<ILoggerProvider>(logs));

        using var response = await PostAsync(bot, connector, BotFrameworkIssuer.Forged(connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(connector.IsIdle);
        var outage = Assert.Single(logs.Lines, line => line.Contains(issuer.MetadataUrl, StringComparison.Ordinal));
        Assert.Contains("OpenID metadata", outage, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, RecordedLogs.HasStackTrace);
    }

    [Fact]
    public async Task A_token_signed_by_the_Bot_Framework_is_accepted_and_the_reply_reaches_the_connector()
    {
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = BotApp.Production(issuer.BotSettings(), RepliesWithoutToken.Use);

        await AssertAcceptedAsync(bot, connector, issuer.TokenFor(connector.ServiceUrl));
    }

    [Theory]
    [InlineData("signed with another key")]
    [InlineData("for another bot")]
    [InlineData("from another issuer")]
    [InlineData("expired")]
    [InlineData("unreadable")]
    public async Task A_token_the_SDK_refuses_gets_401_without_a_stack_trace_in_the_log_and_nothing_is_sent(string kind)
    {
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        await using var connector = await LocalConnector.StartAsync();
        var logs = new RecordedLogs();
        await using var bot = BotApp.Production(issuer.BotSettings(), services =>
        {
            RepliesWithoutToken.Use(services);
            services.AddSingleton<ILoggerProvider>(logs);
        });

        // The issuer's keys are fetched first, as on a bot that has been running, so that only the token differs.
        await AssertAcceptedAsync(bot, connector, issuer.TokenFor(connector.ServiceUrl));

        var serviceUrl = connector.ServiceUrl;
        var token = kind switch
        {
            "signed with another key" => BotFrameworkIssuer.Forged(serviceUrl),
            "for another bot" => issuer.TokenFor(serviceUrl, token => token.Audience = "1f1f9f6e-2f55-4c3f-9d1a-2f0c0d7b1a22"),
            "from another issuer" => issuer.TokenFor(serviceUrl, token => token.Issuer = "https://issuer.example"),
            "expired" => issuer.TokenFor(serviceUrl, token => (token.IssuedAt, token.NotBefore, token.Expires) = (DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-2))),
            _ => "not.a.jwt",
        };
        var linesBefore = logs.Lines.Count();

        using var response = await PostAsync(bot, connector, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(connector.IsIdle);
        Assert.DoesNotContain(logs.Lines.Skip(linesBefore), RecordedLogs.HasStackTrace);
    }

    [Fact]
    public async Task After_the_metadata_host_goes_down_a_genuine_token_is_still_accepted_with_the_keys_fetched_before()
    {
        await using var issuer = await BotFrameworkIssuer.StartAsync();
        await using var connector = await LocalConnector.StartAsync();
        await using var bot = BotApp.Production(issuer.BotSettings(), RepliesWithoutToken.Use);
        await AssertAcceptedAsync(bot, connector, issuer.TokenFor(connector.ServiceUrl));

        issuer.GoDown();

        await AssertAcceptedAsync(bot, connector, issuer.TokenFor(connector.ServiceUrl));
    }

    /// <summary>The bot took the activity and answered it through the connector.</summary>
    private static async Task AssertAcceptedAsync(BotApp bot, LocalConnector connector, string token)
    {
        using var response = await PostAsync(bot, connector, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await connector.NextAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<HttpResponseMessage> PostAsync(BotApp bot, LocalConnector connector, string token)
    {
        using var client = bot.CreateBotClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(TeamsActivities.Message(connector.ServiceUrl, "help")),
        };
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request);
    }
}
