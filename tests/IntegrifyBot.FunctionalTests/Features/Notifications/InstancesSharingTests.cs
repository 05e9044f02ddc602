using System.Net;
using System.Text.RegularExpressions;
using Integrify.Simulator;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Two bot instances on one PostgreSQL database, as two replicas behind a load balancer: they share
/// the key ring, the outbox and the tenants' sending leases (all in the database), the Integrify
/// simulator and the connector. Which instance sent what is read from each one's own log.
/// </summary>
public sealed partial class InstancesSharingTests : IAsyncLifetime
{
    /// <summary>A second Teams tenant Alex is linked in, as a guest of another organisation is.</summary>
    private const string OtherTenant = "00000000-0000-0000-0000-0000000000b2";

    private readonly RecordedLogs firstLogs = new();
    private readonly RecordedLogs secondLogs = new();
    private TestDatabase database = null!;
    private SimulatorHost simulator = null!;
    private LocalConnector connector = null!;
    private BotApp? first;
    private BotApp? second;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions());
        connector = await LocalConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (second is not null)
        {
            await second.DisposeAsync();
        }

        if (first is not null)
        {
            await first.DisposeAsync();
        }

        await connector.DisposeAsync();
        await simulator.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_share_the_tenants_and_each_task_arrives_exactly_once_in_each()
    {
        StartBoth(polling: false);
        await LinkAlexAsync(first!);
        await LinkAlexAsync(second!, OtherTenant);
        var tasks = Enumerable.Range(1, 40)
            .Select(i => simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = $"Desk {i}" }).RecipientTaskSid)
            .ToList();

        // Integrify's pushes land on either instance, as a load balancer spreads them; each wakes
        // the sender of the instance it reached, and both claim from the one outbox.
        await Parallel.ForEachAsync(tasks.Select((sid, i) => (sid, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (task, token) =>
        {
            using var client = (task.i % 2 == 0 ? first! : second!).CreateBotClient();
            using var push = PushCalls.SignedPush(PushCalls.Body("alexw", task.sid), DateTimeOffset.UtcNow);
            using var response = await client.SendAsync(push, token);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        });

        // Alex is linked in two tenants: each task is his twice, once in each tenant's chat.
        var rows = await AllSentAsync(tasks, perTask: 2);

        var arrivals = connector.History.Where(AnnouncedTasks.IsNewTask).GroupBy(call => (call.ConversationId, Task: AnnouncedTasks.TaskOf(call))).ToList();
        Assert.Equal(tasks.Count * 2, arrivals.Count);
        Assert.All(arrivals, arrival => Assert.Single(arrival));

        // One instance sends each tenant's, and the two tenants went one to each instance.
        var tenantOf = rows.ToDictionary(row => row.Id, row => row.TeamsTenantId);
        var tenantsOfFirst = SentIds(firstLogs).Select(id => tenantOf[id]).Distinct().ToList();
        var tenantsOfSecond = SentIds(secondLogs).Select(id => tenantOf[id]).Distinct().ToList();
        Assert.Single(tenantsOfFirst);
        Assert.Single(tenantsOfSecond);
        Assert.NotEqual(tenantsOfFirst[0], tenantsOfSecond[0]);
        Assert.Equal(rows.Select(row => row.Id).Order(), SentIds(firstLogs).Concat(SentIds(secondLogs)).Order());
    }

    [Fact]
    public async Task When_both_instances_poll_each_new_task_is_announced_once()
    {
        StartBoth(polling: true);
        await LinkAlexAsync(first!);
        await PolledOnceAsync();
        var tasks = Enumerable.Range(1, 5)
            .Select(i => simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = $"Chair {i}" }).RecipientTaskSid)
            .ToList();

        await AllSentAsync(tasks);

        // Both have read the tasks again since they were sent, and found nothing new.
        var readsByFirst = TaskReads(firstLogs);
        var readsBySecond = TaskReads(secondLogs);
        await WaitUntilAsync(() => TaskReads(firstLogs) >= readsByFirst + 2 && TaskReads(secondLogs) >= readsBySecond + 2, "both instances to poll twice more");
        var arrivals = AnnouncedTasks.Count(connector.History);
        Assert.Equal(tasks.Order(StringComparer.Ordinal), arrivals.Keys.Order(StringComparer.Ordinal));
        Assert.All(arrivals, arrival => Assert.Equal(1, arrival.Value));
        Assert.NotEmpty(SentIds(firstLogs).Concat(SentIds(secondLogs)));
    }

    private void StartBoth(bool polling)
    {
        var settings = new Dictionary<string, string?>(database.Settings())
        {
            ["Integrify:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify:Tenant"] = simulator.Options.Tenant,
            ["Integrify:OrganizationKey"] = "demo-org-key",
            ["Linking:ZeroTouch:Enabled"] = "false",
            ["Notifications:PushSecret"] = PushCalls.Secret,
            ["Notifications:PollingEnabled"] = polling ? "true" : "false",
            ["Notifications:PollInterval"] = "00:00:01",
            ["Notifications:SenderInterval"] = "00:00:00.200",
            ["Notifications:SendConcurrency"] = "2",

            // One chat receives them all: Teams' own limit of 60 a half minute would only slow the test.
            ["Notifications:ConversationMessagesPerSecond"] = "1000",
            ["Notifications:ConversationMessagesPer30Seconds"] = "10000",

            // Each poll's read of the task list is logged, to tell the instances' polls apart.
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Information",
        };

        // One after the other, as a rolling deployment: the first migrates the database and makes the key ring.
        first = BotApp.Demo(settings, services => services.AddSingleton<ILoggerProvider>(firstLogs));
        second = BotApp.Demo(settings, services => services.AddSingleton<ILoggerProvider>(secondLogs));
    }

    /// <summary>Alex links through <paramref name="instance"/>; the other decrypts his tokens with the shared key ring.</summary>
    private async Task LinkAlexAsync(BotApp instance, string? tenantId = null)
    {
        using var client = instance.CreateBotClient();
        await LinkingBot.LinkAlexAsync(client, connector.ServiceUrl, tenantId);
    }

    /// <summary>Until one of the instances has read Alex's tasks once: what was open then is never announced.</summary>
    private async Task PolledOnceAsync()
    {
        var preferences = first!.Services.GetRequiredService<NotificationPreferences>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await preferences.GetAsync(LinkingBot.Alex, CancellationToken.None)).LastPolledAt is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "Neither instance polled Alex's tasks.");
            await Task.Delay(50);
        }
    }

    private async Task<IReadOnlyList<OutboxRow>> AllSentAsync(IReadOnlyCollection<string> tasks, int perTask = 1)
    {
        var rows = await OutboxRow.WaitForAsync(
            database,
            rows => tasks.All(sid => rows.Count(row => row.RecipientTaskSid == sid && row.State == "Sent") == perTask),
            TimeSpan.FromSeconds(90),
            () => string.Join('\n', firstLogs.Lines.Concat(secondLogs.Lines).Where(line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal))));
        return [.. rows.Where(row => tasks.Contains(row.RecipientTaskSid))];
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for {what}.");
            await Task.Delay(50);
        }
    }

    private static List<long> SentIds(RecordedLogs logs) =>
        [.. logs.Lines.Select(line => SentLine().Match(line)).Where(match => match.Success).Select(match => long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static int TaskReads(RecordedLogs logs) => logs.Lines.Count(line => TaskListRead().IsMatch(line));

    [GeneratedRegex(@"NotificationDelivery: Sent notification (\d+) ")]
    private static partial Regex SentLine();

    [GeneratedRegex(@"HttpClient\.[^ ]*LogicalHandler: Start processing HTTP request GET \S*/instance/mytask/list")]
    private static partial Regex TaskListRead();
}
