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

        // The retry too must be read and sent within the two seconds; on a machine busy enough for it
        // to take longer it fails like the first and is made due again, as the bot would in time.
        var row = await SentAfterRetriesAsync(task.RecipientTaskSid);

        Assert.True(row.Attempts >= 2, $"Sent at attempt {row.Attempts}, before the unanswered one was given up.");
        Assert.Contains(Bot.Connector.History, call => call.Status == 200 && AnnouncedTasks.TaskOf(call) == task.RecipientTaskSid);
    }

    private async Task<Notification> SentAfterRetriesAsync(string recipientTaskSid)
    {
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (true)
        {
            RetryNow();
            var retried = DateTime.UtcNow.AddSeconds(15);
            while (DateTime.UtcNow < retried)
            {
                var row = await ReadRowAsync(recipientTaskSid);
                if (row.State == NotificationState.Sent)
                {
                    return row;
                }

                Assert.True(DateTime.UtcNow < deadline, $"The notification stayed {row.State} after {row.Attempts} attempts ({row.LastError}).");
                await Task.Delay(50);
            }
        }
    }
}
