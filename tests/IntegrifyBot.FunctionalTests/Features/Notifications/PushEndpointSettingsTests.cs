using IntegrifyBot.TestInfrastructure;
using System.Net;
using IntegrifyBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>The push endpoint as the operator's settings make it: off, or also open to a bearer secret.</summary>
public sealed class PushEndpointSettingsTests
{
    private const string TaskSid = "0b6f3c2e-5d1a-4e8b-9c7f-2a4d6e8f0a1b";

    [Fact]
    public async Task Without_a_secret_the_endpoint_answers_404_as_if_it_did_not_exist()
    {
        await using var bot = await LinkingBot.StartAsync();

        using var signed = await bot.Client.SendAsync(PushCalls.SignedPush(PushCalls.Body("alexw", TaskSid), bot.Clock.GetUtcNow()));
        using var bearer = await bot.Client.SendAsync(PushCalls.BearerPush(PushCalls.Body("alexw", TaskSid)));

        Assert.Equal(HttpStatusCode.NotFound, signed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bearer.StatusCode);
    }

    [Fact]
    public async Task With_bearer_secrets_allowed_a_rest_client_step_queues_with_the_secret_alone_and_a_wrong_one_gets_401()
    {
        await using var bot = await LinkingBot.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:PushSecret"] = PushCalls.Secret,
            ["Notifications:PushAcceptsBearer"] = "true",
            ["Notifications:PollingEnabled"] = "false",
        });
        await bot.LinkAlexAsync();
        var body = PushCalls.Body("alexw", TaskSid, "From the REST Client step");

        using var wrong = await bot.Client.SendAsync(PushCalls.BearerPush(body, PushCalls.Secret[..^1] + "0"));
        using var first = await bot.Client.SendAsync(PushCalls.BearerPush(body));
        using var again = await bot.Client.SendAsync(PushCalls.BearerPush(body));
        using var signed = await bot.Client.SendAsync(PushCalls.SignedPush(PushCalls.Body("alexw", "1c7e9a3b-0000-4000-8000-000000000001"), bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        // Without a signature there is nothing to call a replay: the outbox keeps the task once.
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        await using var context = await bot.DatabaseAsync();
        var rows = await context.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
        Assert.Equal([(TaskSid, "From the REST Client step"), ("1c7e9a3b-0000-4000-8000-000000000001", null)], rows.Select(n => (n.RecipientTaskSid, n.Message)));
        Assert.All(rows, n => Assert.Equal(NotificationSource.Push, n.Source));
    }

    [Fact]
    public async Task A_bearer_push_that_adds_a_timestamp_has_it_checked()
    {
        await using var bot = await LinkingBot.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:PushSecret"] = PushCalls.Secret,
            ["Notifications:PushAcceptsBearer"] = "true",
        });
        using var push = PushCalls.BearerPush(PushCalls.Body("alexw", TaskSid));
        push.Headers.Add("X-Integrify-Timestamp", PushCalls.Timestamp(bot.Clock.GetUtcNow().AddHours(-1)));

        using var response = await bot.Client.SendAsync(push);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("stale", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
