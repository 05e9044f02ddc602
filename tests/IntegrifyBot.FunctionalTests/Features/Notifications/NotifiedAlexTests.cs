using System.Diagnostics.Metrics;
using Integrify.Simulator;
using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// A fresh bot and simulator for each test with Alex linked as alexw (which records his personal
/// chat), and what a test needs to queue his notifications and see what became of them. The clock
/// does not move by itself: a retry comes due only when the test moves it.
/// </summary>
public abstract class NotifiedAlexTests : IAsyncLifetime
{
    protected LinkingBot Bot { get; private set; } = null!;

    protected MetricTotals Metrics { get; private set; } = null!;

    /// <summary>Settings of the bot under test, over those of <see cref="LinkingBot"/>.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Bot = await LinkingBot.StartAsync(Settings);
        Metrics = new MetricTotals(Bot.Service<IMeterFactory>(), "integrifybot.notifications.");
        await Bot.LinkAlexAsync();
    }

    public async Task DisposeAsync()
    {
        Metrics.Dispose();
        await Bot.DisposeAsync();
    }

    /// <summary>A new task for Alex in the simulator: an approval unless said otherwise.</summary>
    protected AssignedTask AssignToAlex(string? taskType = null) =>
        Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = taskType, RequestName = "Laptop for Sam" });

    /// <summary>Queues the task for Alex as the poller or a push would, and wakes the sender.</summary>
    protected async Task QueueAsync(string recipientTaskSid, string? message = null)
    {
        Assert.True(await Bot.Service<NotificationOutbox>().EnqueueAsync(LinkingBot.Alex, recipientTaskSid, NotificationSource.Push, message, CancellationToken.None));
        Bot.Service<NotificationSignal>().Wake();
    }

    /// <summary>Makes every retry due (none waits longer than an hour) and wakes the sender.</summary>
    protected void RetryNow()
    {
        Bot.Clock.Advance(RetrySchedule.Longest);
        Bot.Service<NotificationSignal>().Wake();
    }

    /// <summary>The task's outbox row, once it is as <paramref name="expected"/> says: the sender settles rows on its own time.</summary>
    protected async Task<Notification> RowAsync(string recipientTaskSid, Func<Notification, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var row = await ReadRowAsync(recipientTaskSid);
            if (expected(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The notification stayed {row.State} after {row.Attempts} attempts ({row.LastError}).");
            await Task.Delay(20);
        }
    }

    /// <summary>The task's outbox row as it is now.</summary>
    protected async Task<Notification> ReadRowAsync(string recipientTaskSid)
    {
        await using var database = await Bot.DatabaseAsync();
        return await database.Notifications.AsNoTracking().SingleAsync(n => n.RecipientTaskSid == recipientTaskSid);
    }

    protected Task<ConversationAddress?> AlexsChatAsync() =>
        Bot.Service<ConversationAddresses>().FindAsync(LinkingBot.Alex, CancellationToken.None);
}
