using Integrify.Simulator;
using IntegrifyBot.Notifications;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// The demo as <c>./run.sh</c> composes it, with short timings: Alex's first message links him without
/// typing, the simulator's colleague sends him a request to approve a little later, and the bot's poller
/// brings it into his chat as a new-task card, once, with nobody doing anything more.
/// </summary>
public sealed class DemoColleagueTaskTests : IAsyncLifetime
{
    private LinkingBot bot = null!;

    public async Task InitializeAsync()
    {
        bot = await LinkingBot.StartAsync(
            new Dictionary<string, string?>
            {
                ["Linking:ZeroTouch:Enabled"] = "true",
                ["Linking:ZeroTouch:AllowedDomains:0"] = "example.com",

                // Well within the colleague's delay, so that the first read of Alex (which only records
                // what he already has) comes before the new task, as the demo's settings make it.
                ["Notifications:PollInterval"] = "00:00:01",
                ["Notifications:RetryDelay"] = "00:00:01",
            },
            simulator =>
            {
                simulator.DemoTasks = true;
                simulator.DemoTaskDelay = TimeSpan.FromSeconds(8);
                simulator.DemoTaskInterval = TimeSpan.FromDays(1);
            });
        bot.ListAlexAsMember();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Alexs_first_message_is_followed_by_a_colleagues_request_as_a_new_task_card_sent_once()
    {
        var before = bot.Simulator.Control.OpenTasks("alexw").Count;

        await bot.SayAsync("tasks");
        var sent = await NextCardAsync();

        var assigned = Assert.Single(bot.Simulator.Control.OpenTasks("alexw"), task => task.RequestName == "Ergonomic chair – Megan");
        Assert.Equal(before + 1, bot.Simulator.Control.OpenTasks("alexw").Count);
        Assert.Equal(("POST", TeamsActivities.PersonalConversationId), (sent.Method, sent.ConversationId));
        var texts = LinkingBot.Texts(sent.Card);
        Assert.Contains("New task for you", texts, StringComparison.Ordinal);
        Assert.Contains("Manager approval", texts, StringComparison.Ordinal);
        Assert.Contains($"#{assigned.InstanceId} · Ergonomic chair – Megan", texts, StringComparison.Ordinal);
        Assert.Equal(["Approve", "Reject", "Request changes", "Reassign", "Details"], Titles(sent.Card.GetProperty("actions")));

        // Later reads find nothing new: the card came once.
        var cycle = await bot.Service<NotificationPoller>().PollOnceAsync(CancellationToken.None);
        Assert.Equal(0, cycle.Queued);
        Assert.Single(bot.Connector.History, call => call.Method == "POST" && call.Activity.TryGetProperty("attachments", out _) && LinkingBot.Texts(call.Card).Contains("New task for you", StringComparison.Ordinal));
    }

    /// <summary>The next card the bot sends, past Teams' typing indicators; patient, since the colleague's delay comes first.</summary>
    private async Task<ConnectorCall> NextCardAsync()
    {
        while (true)
        {
            var sent = await bot.Connector.NextAsync(TimeSpan.FromMinutes(3));
            if (sent.Activity.GetProperty("type").GetString() != "typing")
            {
                return sent;
            }
        }
    }
}
