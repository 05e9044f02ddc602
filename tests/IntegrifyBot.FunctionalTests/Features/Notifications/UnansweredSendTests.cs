using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Teams' connector taking a notification and never answering: Notifications:SendTimeout bounds the
/// wait, and the notification is tried again like any failure, never left claimed.
/// </summary>
public sealed class UnansweredSendTests : NotifiedAlexTests
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Notifications:SendTimeout"] = "00:00:02" };

    [Fact]
    public async Task A_message_teams_never_answers_is_given_up_after_the_send_timeout_and_sent_again_later()
    {
        var held = Bot.Connector.HoldNext();
        var task = AssignToAlex();

        await QueueAsync(task.RecipientTaskSid);

        Assert.Equal(task.RecipientTaskSid, AnnouncedTasks.TaskOf(await held.WaitAsync(TimeSpan.FromSeconds(30))));
        var waiting = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Failed);
        Assert.Equal((1, "Teams did not answer in time"), (waiting.Attempts, waiting.LastError));
        Assert.Null(waiting.ClaimedBy);
        Assert.Equal(1, await Metrics.ReachedAsync("integrifybot.notifications.failed{cause=teams}", 1));

        RetryNow();

        var sent = await Bot.Connector.NextAsync();
        while (sent.Status == 0)
        {
            sent = await Bot.Connector.NextAsync();
        }

        Assert.Equal(task.RecipientTaskSid, AnnouncedTasks.TaskOf(sent));
        var row = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Sent);
        Assert.Equal(2, row.Attempts);
    }
}
