using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Integrify.Simulator;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Polling for new tasks against the simulator: cycles run one at a time by the test (the bot's own
/// polling is off, and so is sending, so that what was queued stays to be seen), each reading Alex's
/// tasks over real HTTP and writing the real outbox.
/// </summary>
public sealed class NotificationPollerTests : IAsyncLifetime
{
    private LinkingBot bot = null!;

    public async Task InitializeAsync()
    {
        bot = await LinkingBot.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:PollingEnabled"] = "false",
            ["Notifications:SendingEnabled"] = "false",

            // Room for a read the simulator is told to hold back.
            ["Integrify:AttemptTimeout"] = "00:00:15",
            ["Integrify:TotalTimeout"] = "00:00:30",
        });
        await bot.LinkAlexAsync();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task The_first_read_announces_nothing_and_later_reads_queue_each_new_task_once()
    {
        var first = await PollAsync();
        var assigned = bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = "approval", RequestName = "Monitor for the new hire" });
        var second = await PollAsync();
        var third = await PollAsync();

        Assert.Equal(new PollCycle(Users: 1, Queued: 0, Skipped: 0), first);
        Assert.Equal(1, second.Queued);
        Assert.Equal(0, third.Queued);
        await using var context = await bot.DatabaseAsync();
        var rows = await context.Notifications.ToListAsync();
        Assert.Equal(bot.Simulator.Control.OpenTasks("alexw").Count, rows.Count);
        var pending = Assert.Single(rows, row => row.State == NotificationState.Pending);
        Assert.Equal(assigned.RecipientTaskSid, pending.RecipientTaskSid);
        Assert.Equal(NotificationSource.Poll, pending.Source);
        Assert.All(rows.Where(row => row != pending), row => Assert.Equal(NotificationState.Known, row.State));
    }

    [Fact]
    public async Task Every_cycle_records_when_each_user_was_read()
    {
        await PollAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(2));

        await PollAsync();

        var settings = await bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None);
        Assert.Equal(bot.Clock.GetUtcNow().UtcDateTime, settings.LastPolledAt);
    }

    [Fact]
    public async Task A_task_already_queued_by_a_push_is_not_queued_again()
    {
        await PollAsync();
        var assigned = bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = "milestone" });
        await bot.Service<NotificationOutbox>().EnqueueAsync(LinkingBot.Alex, assigned.RecipientTaskSid, NotificationSource.Push, "From the process", CancellationToken.None);

        var cycle = await PollAsync();

        Assert.Equal(0, cycle.Queued);
        await using var context = await bot.DatabaseAsync();
        Assert.Equal(NotificationSource.Push, (await context.Notifications.SingleAsync(row => row.RecipientTaskSid == assigned.RecipientTaskSid)).Source);
    }

    [Fact]
    public async Task A_user_who_turned_notifications_off_is_not_read()
    {
        await PollAsync();
        await bot.Service<NotificationPreferences>().UpdateAsync(LinkingBot.Alex, settings => settings.Enabled = false, CancellationToken.None);
        bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = "approval" });
        var calls = bot.Simulator.Counters.Calls("T1");

        var cycle = await PollAsync();

        Assert.Equal(new PollCycle(Users: 1, Queued: 0, Skipped: 1), cycle);
        Assert.Equal(calls, bot.Simulator.Counters.Calls("T1"));
    }

    [Fact]
    public async Task A_user_whose_link_broke_is_skipped_and_marked_once_until_they_link_again()
    {
        await PollAsync();
        bot.Simulator.Control.ExpireTokens("alexw");

        var broken = await PollAsync();
        var told = (await bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None)).BrokenLinkToldAt;
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await PollAsync();
        var stillTold = (await bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None)).BrokenLinkToldAt;
        await bot.LinkAlexAsync();
        var again = await PollAsync();

        Assert.Equal(1, broken.Skipped);
        Assert.NotNull(told);
        Assert.Equal(told, stillTold);

        // Told once, in his personal chat, with a way to sign in again.
        var message = await bot.Connector.NextAsync();
        Assert.Equal(TeamsActivities.PersonalConversationId, message.Activity.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Contains("Your Integrify sign-in has expired", LinkingBot.Texts(message.Card), StringComparison.Ordinal);
        Assert.True(bot.Connector.IsIdle, "The broken link is told once, not at every cycle.");
        Assert.Equal(0, again.Skipped);
        Assert.Null((await bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None)).BrokenLinkToldAt);
    }

    [Fact]
    public async Task An_integrify_outage_skips_the_user_for_that_cycle_and_loses_nothing()
    {
        await PollAsync();
        var assigned = bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = "approval" });
        bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask", Status = 503 });

        var down = await PollAsync();
        bot.Simulator.Faults.Clear();
        var up = await PollAsync();

        Assert.Equal(1, down.Skipped);
        Assert.Equal(1, up.Queued);
        await using var context = await bot.DatabaseAsync();
        Assert.Equal(NotificationState.Pending, (await context.Notifications.SingleAsync(row => row.RecipientTaskSid == assigned.RecipientTaskSid)).State);
    }

    [Fact]
    public async Task A_task_assigned_after_another_instances_first_read_is_queued_by_a_first_read_that_began_before_it()
    {
        // Two cycles at once stand for two instances. This one finds Alex never polled, then its read
        // of his tasks is held back until after the other's first read and a new task.
        bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", LatencyMs = 3000, Times = 1 });
        var slow = PollAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (bot.Simulator.Faults.List().Single().Matched == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The first cycle never read Alex's tasks.");
            await Task.Delay(10);
        }

        var other = await PollAsync();
        var assigned = bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = "approval", RequestName = "Badge for the new hire" });
        var late = await slow;

        Assert.Equal(0, other.Queued);
        Assert.Equal(1, late.Queued);
        await using var context = await bot.DatabaseAsync();
        var row = await context.Notifications.SingleAsync(row => row.RecipientTaskSid == assigned.RecipientTaskSid);
        Assert.Equal((NotificationState.Pending, NotificationSource.Poll), (row.State, row.Source));
    }

    [Fact]
    public async Task A_closed_task_is_forgotten_a_day_later_and_an_open_one_is_never()
    {
        await PollAsync();
        var open = bot.Simulator.Control.OpenTasks("alexw");
        var closed = open[0].RecipientTaskSid;
        bot.Simulator.Control.CompleteTask(closed);

        await PollAsync();
        var kept = await SidsAsync();
        var cycles = new List<PollCycle>();
        for (var hours = 0; hours <= 24; hours += 4)
        {
            // A day in steps, read every few hours, as the poller would: Alex's sign-in stays fresh.
            bot.Clock.Advance(TimeSpan.FromHours(4));
            cycles.Add(await PollAsync());
        }

        var left = await SidsAsync();

        Assert.Contains(closed, kept);
        Assert.All(cycles, cycle => Assert.Equal(0, cycle.Skipped));
        Assert.Equal(open.Skip(1).Select(task => task.RecipientTaskSid).Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
    }

    private async Task<List<string>> SidsAsync()
    {
        await using var context = await bot.DatabaseAsync();
        return await context.Notifications.AsNoTracking().Select(row => row.RecipientTaskSid).ToListAsync();
    }

    private Task<PollCycle> PollAsync() => bot.Service<NotificationPoller>().PollOnceAsync(CancellationToken.None);
}
