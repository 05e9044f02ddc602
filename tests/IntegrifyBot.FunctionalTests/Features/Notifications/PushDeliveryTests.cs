using IntegrifyBot.TestInfrastructure;
using System.Net;
using System.Text.Json;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// A push from an Integrify process, end to end: signed over HTTP, queued, and sent at once as the
/// task's card into Alex's personal chat through the real sender and adapter; polling is off, so the
/// card can only have come from the push.
/// </summary>
public sealed class PushDeliveryTests : NotifiedAlexTests
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:PushSecret"] = PushCalls.Secret,
        ["Notifications:PollingEnabled"] = "false",
    };

    [Fact]
    public async Task A_good_push_brings_the_tasks_card_at_once_and_the_same_task_pushed_again_brings_no_second()
    {
        var task = AssignToAlex();

        // Written as a process designer might: upper case. It is still the task Integrify lists.
        var body = PushCalls.Body("alexw", task.RecipientTaskSid.ToUpperInvariant(), "Jordan starts on Monday.");
        using (var push = PushCalls.SignedPush(body, Bot.Clock.GetUtcNow()))
        using (var response = await Bot.Client.SendAsync(push))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var sent = await Bot.Connector.NextAsync();
        var texts = LinkingBot.Texts(sent.Card);
        Assert.Contains("New task for you", texts, StringComparison.Ordinal);
        Assert.Contains("Jordan starts on Monday.", texts, StringComparison.Ordinal);
        Assert.Contains($"#{task.InstanceId} · Laptop for Sam", texts, StringComparison.Ordinal);
        await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Sent);

        Bot.Clock.Advance(TimeSpan.FromSeconds(1));
        using var again = PushCalls.SignedPush(PushCalls.Body("alexw", task.RecipientTaskSid), Bot.Clock.GetUtcNow());
        using var answer = await Bot.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        using var queued = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(0, queued.RootElement.GetProperty("queued").GetInt32());
        Assert.True(Bot.Connector.IsIdle, "The task is announced once.");
    }
}
