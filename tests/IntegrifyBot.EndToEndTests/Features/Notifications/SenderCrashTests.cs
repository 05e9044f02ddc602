using Integrify.Simulator;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.EndToEndTests.Features.Notifications;

/// <summary>
/// The published bot killed (SIGKILL, no graceful stop) while Teams' connector holds one of its
/// notifications unanswered, then started again on the same SQLite file: nothing queued is lost, and
/// only the message whose fate the dead process never learned is sent again.
/// </summary>
public sealed class SenderCrashTests(PublishedBot published) : IClassFixture<PublishedBot>
{
    private const int TaskCount = 30;
    private const int SentBeforeTheCrash = 5;

    [Fact]
    public async Task A_bot_killed_mid_batch_sends_every_task_after_its_restart_and_repeats_only_the_one_in_flight()
    {
        using var database = new TempDatabase();
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions());
        await using var connector = await LocalConnector.StartAsync();

        await using var first = await StartAsync(database, simulator, connector);
        using (var client = first.Client())
        {
            await LinkingBot.LinkAlexAsync(client, connector.ServiceUrl);
        }

        await RunningBot.WaitForFirstPollAsync(database);

        // Polled every second, the tasks are queued together and sent one at a time.
        var held = connector.HoldNext(after: SentBeforeTheCrash);
        var tasks = Enumerable.Range(1, TaskCount)
            .Select(i => simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = $"Laptop {i}" }).RecipientTaskSid)
            .ToHashSet(StringComparer.Ordinal);
        var inFlight = AnnouncedTasks.TaskOf(await held.WaitAsync(TimeSpan.FromSeconds(90)));
        await first.Bot.KillAsync();

        // The dead process recorded what Teams took; the message it was waiting for is still its claim.
        var atCrash = Mine(await OutboxRow.ReadAllAsync(database), tasks);
        Assert.Equal(TaskCount, atCrash.Count);
        Assert.Equal(SentBeforeTheCrash, atCrash.Count(row => row.State == "Sent"));
        var unanswered = Assert.Single(atCrash, row => row.RecipientTaskSid == inFlight);
        Assert.Equal("Pending", unanswered.State);
        Assert.NotNull(unanswered.ClaimedBy);

        await using var second = await StartAsync(database, simulator, connector);
        var end = Mine(await OutboxRow.WaitForAsync(database, rows => Mine(rows, tasks).All(row => row.State == "Sent"), TimeSpan.FromSeconds(150), () => second.Bot.Output + second.Bot.Errors), tasks);

        Assert.All(end, row => Assert.Null(row.ClaimedBy));
        var arrivals = AnnouncedTasks.Count(connector.History);
        Assert.Equal(tasks.Order(StringComparer.Ordinal), arrivals.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, arrivals[inFlight]);
        Assert.All(arrivals.Where(arrival => arrival.Key != inFlight), arrival => Assert.Equal(1, arrival.Value));
    }

    private static List<OutboxRow> Mine(IEnumerable<OutboxRow> rows, HashSet<string> tasks) =>
        [.. rows.Where(row => tasks.Contains(row.RecipientTaskSid))];

    private Task<RunningBot> StartAsync(TempDatabase database, SimulatorHost simulator, LocalConnector connector) =>
        published.StartReadyAsync(new Dictionary<string, string>
        {
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Path.Combine(database.Folder, "data"),
            ["Storage__Provider"] = "Sqlite",
            ["Storage__ConnectionString"] = database.ConnectionString,
            ["Integrify__BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify__Tenant"] = simulator.Options.Tenant,
            ["Integrify__OrganizationKey"] = "demo-org-key",
            ["Linking__ZeroTouch__Enabled"] = "false",
            ["Notifications__PollInterval"] = "00:00:01",
            ["Notifications__SenderInterval"] = "00:00:00.200",
            ["Notifications__SendConcurrency"] = "1",

            // A dead process's claims end 4 × 10 s after they were taken, well within the test; and
            // the kill lands long before the held message's own 10 s are up, however busy the machine.
            ["Notifications__SendTimeout"] = "00:00:10",

            // The restarted bot takes over the tenant a second after the dead one's lease lapses.
            ["Notifications__TenantLease"] = "00:00:02",

            // One chat receives them all: Teams' own limit of 60 a half minute would only slow the test.
            ["Notifications__ConversationMessagesPerSecond"] = "1000",
            ["Notifications__ConversationMessagesPer30Seconds"] = "10000",
            ["Logging__Console__FormatterName"] = "simple",
        });
}
