using System.Globalization;
using Integrify.Simulator;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IntegrifyBot.EndToEndTests.PlaygroundTasksTests;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// A task notification in Microsoft's Teams emulator, found by polling: the simulator (over HTTP,
/// outside the bot) assigns Alex a new task, the bot's poller finds it within one (short) poll
/// interval and sends it unasked into his personal chat through the emulator's connector, and
/// Approve on it works as in the task list.
/// </summary>
public sealed class PlaygroundNotificationsTests : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private SimulatorHost simulator = null!;
    private BotApp bot = null!;
    private AgentsPlayground playground = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions());
        bot = BotApp.Demo(new Dictionary<string, string?>
        {
            ["Integrify:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify:Tenant"] = simulator.Options.Tenant,
            ["Integrify:OrganizationKey"] = "demo-org-key",
            ["Notifications:PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture),

            // A read of the task that times out on a busy machine is tried again in seconds, not minutes.
            ["Notifications:RetryDelay"] = "00:00:01",
        });
        playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        await playground.InstallAsync();
        await playground.NextMessageAsync();
    }

    public async Task DisposeAsync()
    {
        await playground.DisposeAsync();
        await bot.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_task_assigned_in_integrify_arrives_unasked_within_a_poll_interval_and_approve_on_it_completes_it()
    {
        // "tasks" links Alex without typing (demo mode), and his chat is recorded after that turn.
        await playground.SendAsync("tasks");
        await playground.NextMessageAsync();
        var alex = new IntegrifyUser(AgentsPlayground.TenantId, AgentsPlayground.UserAadObjectId);

        // The first read after linking records what Alex already has; only what comes after is news.
        await UntilAsync(async () => (await bot.Services.GetRequiredService<NotificationPreferences>().GetAsync(alex, CancellationToken.None)).LastPolledAt is not null, "Alex's tasks were never polled.");
        await UntilAsync(async () => await bot.Services.GetRequiredService<ConversationAddresses>().FindAsync(alex, CancellationToken.None) is not null, "The personal chat was not recorded.");

        var assigned = simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = "Monitor for Jordan" });

        var message = await playground.NextMessageAsync(TimeSpan.FromSeconds(60));
        var card = Card(message);
        Assert.Contains("New task for you", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Contains($"#{assigned.InstanceId} · Monitor for Jordan", LinkingBot.Texts(card), StringComparison.Ordinal);
        var openBefore = simulator.Control.OpenTasks("alexw").Count;

        var answer = await playground.ExecuteAsync(message.GetProperty("messageId").GetString()!, Action(card.GetProperty("actions"), "Approve"));

        Assert.Contains($"You chose **Approve** on the task on request #{assigned.InstanceId}", LinkingBot.Texts(answer.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains($"{openBefore - 1} open", LinkingBot.Texts(answer.GetProperty("value")), StringComparison.Ordinal);
        Assert.Equal(1, simulator.Counters.Completions(assigned.RecipientTaskSid));
    }

    [Fact]
    public async Task After_alexs_first_message_a_colleagues_request_arrives_as_a_card_with_its_approval_buttons()
    {
        await using var demo = await BotApp.DemoWithSimulatorAsync(
            new Dictionary<string, string?>
            {
                ["Notifications:PollInterval"] = PollInterval.ToString("c", CultureInfo.InvariantCulture),
                ["Notifications:RetryDelay"] = "00:00:01",
            },
            simulatorOptions: new SimulatorOptions
            {
                DemoTasks = true,

                // Well past the bot's first read of Alex after linking, which records what he already has.
                DemoTaskDelay = TimeSpan.FromSeconds(10),
                DemoTaskInterval = TimeSpan.FromDays(1),
            });
        await using var emulator = await AgentsPlayground.StartAsync(new Uri(demo.BaseAddress, "/api/messages"));
        await emulator.InstallAsync();
        await emulator.NextMessageAsync();

        await emulator.SendAsync("tasks");
        await emulator.NextMessageAsync();
        var message = await emulator.NextMessageAsync(TimeSpan.FromMinutes(3));

        var card = Card(message);
        var assigned = Assert.Single(demo.Simulator.Control.OpenTasks("alexw"), task => task.RequestName == "Ergonomic chair – Megan");
        Assert.Contains("New task for you", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Contains($"#{assigned.InstanceId} · Ergonomic chair – Megan", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(["Approve", "Reject", "Request changes", "Reassign", "Details"], Titles(card.GetProperty("actions")));
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }
}
