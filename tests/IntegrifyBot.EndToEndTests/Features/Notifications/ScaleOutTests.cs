using Integrify.Simulator;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.EndToEndTests.Features.Notifications;

/// <summary>
/// Two published bots on one PostgreSQL database, as two replicas, against a connector that refuses
/// what goes beyond a (low, for speed) tenant limit as Teams does. One instance sends the tenant's
/// notifications; killed (SIGKILL) mid-run, the other takes the tenant over once its lease lapses.
/// </summary>
public sealed class ScaleOutTests(PublishedBot published) : IClassFixture<PublishedBot>
{
    private const int TenantLimit = 4;
    private const int TaskCount = 40;
    private const int SentBeforeTheKill = 12;

    /// <summary>How long a dead instance's tenant waits for another: <c>Notifications:TenantLease</c> here.</summary>
    private static readonly TimeSpan TenantLease = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task The_tenant_limit_holds_across_instances_and_a_killed_one_is_taken_over_losing_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("integrifybot-scale-out-").FullName;
        try
        {
            await RunAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunAsync(string folder)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions());
        await using var connector = await LocalConnector.StartAsync(new TeamsLimits { TenantPerSecond = TenantLimit, ConversationPerSecond = 1000, ConversationPer30Seconds = 100_000 });

        // One after the other, as a rolling deployment: the first migrates the database and makes the key ring.
        await using var first = await StartAsync(database, simulator, Path.Combine(folder, "first"));
        await using var second = await StartAsync(database, simulator, Path.Combine(folder, "second"));
        using (var client = first.Client())
        {
            await LinkingBot.LinkAlexAsync(client, connector.ServiceUrl);
        }

        await RunningBot.WaitForFirstPollAsync(database);
        var tasks = Enumerable.Range(1, TaskCount)
            .Select(i => simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = $"Chair {i}" }).RecipientTaskSid)
            .ToHashSet(StringComparer.Ordinal);

        // Kill whichever instance holds the tenant, once part of the tasks are out.
        await UntilAsync(() => Arrived(connector, tasks) >= SentBeforeTheKill, "the first notifications", first, second);
        var holder = await HolderAsync(database);
        var (killed, survivor) = holder.EndsWith($"/{first.Bot.Id}", StringComparison.Ordinal) ? (first, second) : (second, first);
        Assert.EndsWith($"/{killed.Bot.Id}", holder, StringComparison.Ordinal);
        await killed.Bot.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var beforeTheKill = connector.History.Count;

        await UntilAsync(() => tasks.All(task => AnnouncedTasks.Count(connector.History).ContainsKey(task)), "every task", survivor, killed);

        // Nothing lost; at most the one message the dead instance had on its way is sent again.
        var arrivals = AnnouncedTasks.Count(connector.History);
        Assert.Equal(tasks.Order(StringComparer.Ordinal), arrivals.Keys.Where(tasks.Contains).Order(StringComparer.Ordinal));
        Assert.True(arrivals.Values.Count(count => count > 1) <= 1, string.Join(", ", arrivals.Where(arrival => arrival.Value > 1)));
        Assert.All(arrivals.Values, count => Assert.InRange(count, 1, 2));

        // The limit held throughout, however the sending moved: Teams refused nothing.
        Assert.Equal(0, connector.Throttled);

        // The survivor carried on within the lease and a few of its own looks (a generous margin for a busy machine).
        var resumed = connector.History.Skip(beforeTheKill).First(AnnouncedTasks.IsNewTask).At;
        Assert.True(resumed - killedAt < TenantLease + TimeSpan.FromSeconds(20), $"Sending paused for {resumed - killedAt}.");
    }

    private static int Arrived(LocalConnector connector, HashSet<string> tasks) =>
        AnnouncedTasks.Count(connector.History).Keys.Count(tasks.Contains);

    private Task<RunningBot> StartAsync(TestDatabase database, SimulatorHost simulator, string dataFolder)
    {
        var environment = new Dictionary<string, string>
        {
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = dataFolder,
            ["Integrify__BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify__Tenant"] = simulator.Options.Tenant,
            ["Integrify__OrganizationKey"] = "demo-org-key",
            ["Linking__ZeroTouch__Enabled"] = "false",
            ["Notifications__PollInterval"] = "00:00:01",
            ["Notifications__SenderInterval"] = "00:00:00.200",
            ["Notifications__SendConcurrency"] = "1",
            ["Notifications__TenantLease"] = TenantLease.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications__TenantMessagesPerSecond"] = TenantLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // The dead instance's claim on the message it had on its way ends after 4 × 3 s.
            ["Notifications__SendTimeout"] = "00:00:03",

            // One chat receives them all: Teams' own limit of 60 a half minute would only slow the test.
            ["Notifications__ConversationMessagesPerSecond"] = "1000",
            ["Notifications__ConversationMessagesPer30Seconds"] = "10000",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in database.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        return published.StartReadyAsync(environment);
    }

    /// <summary>Who holds the one tenant's lease: a sender's name ends with its process id.</summary>
    private static async Task<string> HolderAsync(TestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Holder" FROM "TenantSendLeases" WHERE "Holder" IS NOT NULL""";
        return Assert.IsType<string>(await command.ExecuteScalarAsync());
    }

    private static async Task UntilAsync(Func<bool> condition, string what, params RunningBot[] bots)
    {
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for {what}.\n" + string.Join("\n----\n", bots.Select(bot => bot.Bot.Output + bot.Bot.Errors)));
            await Task.Delay(50);
        }
    }
}
