using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Teams refusing a notification, as its connector answers: 429 waits for Retry-After and loses
/// nothing; 403 and 404 retire the chat; 412 and 5xx are tried again, then given up after
/// Notifications:MaxAttempts with the reason kept.
/// </summary>
public sealed class TeamsRefusalTests : NotifiedAlexTests
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Notifications:MaxAttempts"] = "3" };

    [Fact]
    public async Task Throttled_by_teams_the_notification_waits_for_retry_after_and_is_then_sent()
    {
        var task = AssignToAlex();
        Bot.Connector.Refuse(429, retryAfter: TimeSpan.FromSeconds(30));

        await QueueAsync(task.RecipientTaskSid);

        Assert.Equal(429, (await Bot.Connector.NextAsync()).Status);
        var waiting = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Failed);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(Bot.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), waiting.NextAttemptAt, TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Metrics.ReachedAsync("integrifybot.notifications.throttled", 1));

        Bot.Clock.Advance(TimeSpan.FromSeconds(30));
        Bot.Service<IntegrifyBot.Notifications.NotificationSignal>().Wake();

        var sent = await Bot.Connector.NextAsync();
        Assert.Equal(200, sent.Status);
        Assert.Contains("New task for you", LinkingBot.Texts(sent.Card), StringComparison.Ordinal);
        await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Sent);
        Assert.Equal(1, await Metrics.ReachedAsync("integrifybot.notifications.sent", 1));
    }

    [Fact]
    public async Task While_teams_has_the_tenant_waiting_other_notifications_wait_too_without_reading_integrify()
    {
        var first = AssignToAlex();
        var second = AssignToAlex("milestone");
        Bot.Connector.Refuse(429, retryAfter: TimeSpan.FromSeconds(30));
        await QueueAsync(first.RecipientTaskSid);
        Assert.Equal(429, (await Bot.Connector.NextAsync()).Status);
        await RowAsync(first.RecipientTaskSid, row => row.State == NotificationState.Failed);
        var readsBefore = Bot.Simulator.Counters.Calls("T1");

        await QueueAsync(second.RecipientTaskSid);

        var held = await RowAsync(second.RecipientTaskSid, row => row.State == NotificationState.Failed);
        Assert.Equal("held back: Teams asked this tenant to wait", held.LastError);
        Assert.Equal(0, held.Attempts);
        Assert.Equal(Bot.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), held.NextAttemptAt, TimeSpan.FromSeconds(1));
        Assert.Equal(readsBefore, Bot.Simulator.Counters.Calls("T1"));
        Assert.True(Bot.Connector.IsIdle);

        Bot.Clock.Advance(TimeSpan.FromSeconds(30));
        Bot.Service<IntegrifyBot.Notifications.NotificationSignal>().Wake();

        // After a 429 the tenant gets no more a second than Teams took before it (here one): whichever
        // goes first, the other waits for the test's clock to move on a second.
        await SentAsync(1, first.RecipientTaskSid, second.RecipientTaskSid);
        Bot.Clock.Advance(TimeSpan.FromSeconds(1));
        await SentAsync(2, first.RecipientTaskSid, second.RecipientTaskSid);
    }

    /// <summary>Waits until <paramref name="count"/> of these tasks' notifications are sent.</summary>
    private async Task SentAsync(int count, params string[] recipientTaskSids)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var database = await Bot.DatabaseAsync())
            {
                var sent = await database.Notifications.CountAsync(row => recipientTaskSids.Contains(row.RecipientTaskSid) && row.State == NotificationState.Sent);
                if (sent >= count)
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{sent} of the notifications were sent, not {count}.");
            }

            await Task.Delay(20);
        }
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Blocked_or_gone_the_chat_is_retired_and_the_notification_is_dead(int status)
    {
        var task = AssignToAlex();
        Bot.Connector.Refuse(status);

        await QueueAsync(task.RecipientTaskSid);

        Assert.Equal(status, (await Bot.Connector.NextAsync()).Status);
        var dead = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Dead);
        Assert.StartsWith($"Teams answered {status}", dead.LastError, StringComparison.Ordinal);
        Assert.Null(await AlexsChatAsync());
        Assert.Equal(1, await Metrics.ReachedAsync("integrifybot.notifications.dead{reason=gone}", 1));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(412)]
    public async Task Failing_teams_is_tried_again_and_given_up_after_the_last_attempt(int status)
    {
        var task = AssignToAlex();
        Bot.Connector.Refuse(status, times: 3);

        await QueueAsync(task.RecipientTaskSid);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Assert.Equal(status, (await Bot.Connector.NextAsync()).Status);
            var failed = await RowAsync(task.RecipientTaskSid, row => row.Attempts == attempt);
            Assert.Equal((NotificationState.Failed, $"Teams answered {status}"), (failed.State, failed.LastError));
            Assert.True(failed.NextAttemptAt > Bot.Clock.GetUtcNow().UtcDateTime, "A failed notification waits before it is tried again.");
            RetryNow();
        }

        Assert.Equal(status, (await Bot.Connector.NextAsync()).Status);
        var dead = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Dead);
        Assert.Equal((3, $"gave up after 3 attempts; the last: Teams answered {status}"), (dead.Attempts, dead.LastError));
        Assert.Equal(3, Bot.Connector.History.Count(call => call.Method == "POST" && call.Status == status));
        Assert.Equal((3L, 1L), (await Metrics.ReachedAsync("integrifybot.notifications.failed{cause=teams}", 3), await Metrics.ReachedAsync("integrifybot.notifications.dead{reason=attempts}", 1)));
        Assert.NotNull(await AlexsChatAsync());
    }
}
