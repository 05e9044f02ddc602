using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// The sender sleeps until the next notification put back comes due, when that is sooner than
/// Notifications:SenderInterval: a row held back for a second by Teams waits a second, not the interval.
/// </summary>
public sealed class SenderWakeTests : NotifiedAlexTests
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Notifications:SenderInterval"] = "00:10:00" };

    [Fact]
    public async Task A_notification_throttled_by_teams_is_sent_when_its_retry_after_ends_without_waiting_for_the_interval()
    {
        var task = AssignToAlex();
        Bot.Connector.Refuse(429, retryAfter: TimeSpan.FromSeconds(2));

        await QueueAsync(task.RecipientTaskSid);

        Assert.Equal(429, (await Bot.Connector.NextAsync()).Status);
        await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Failed);
        Bot.Clock.Advance(TimeSpan.FromSeconds(2));

        var sent = await Bot.Connector.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(200, sent.Status);
        await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Sent);
    }
}
