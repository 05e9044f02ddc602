using System.Net;
using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.Integrify;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>
/// The bot with more work toward Integrify than it lets through (here one call at a time and no queue,
/// so one slow answer saturates it): the next person is told the bot is busy, at once and with a way
/// to try again, never that Integrify is down; the readiness check says so; the slow turn still gets
/// its real answer.
/// </summary>
public sealed class SaturationTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private LinkingBot bot = null!;

    public async Task InitializeAsync()
    {
        bot = await LinkingBot.StartAsync(new Dictionary<string, string?>
        {
            ["Integrify:MaxConcurrentCalls"] = "1",
            ["Integrify:MaxQueuedCalls"] = "0",

            // Integrify's slow answer below is waited for, however slow the machine is.
            ["Integrify:AttemptTimeout"] = "00:00:50",
            ["Integrify:TotalTimeout"] = "00:01:00",
            ["Bot:MessageTimeout"] = "00:01:00",
        });
        await bot.LinkAlexAsync();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_turn_that_finds_no_free_slot_gets_the_busy_card_and_readyz_says_degraded()
    {
        // "status" makes one call (U1), which Integrify is slow to answer: it holds the only slot.
        bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/user/current", LatencyMs = 8_000, Times = 1 });
        var slow = bot.SayAsync("status");
        await WaitUntilAsync(() => bot.Service<IntegrifyCallLoad>().Snapshot().Any(host => host.InFlight > 0));

        var busy = await bot.ClickAsync("tasks.page", FirstPage());
        using var client = bot.Bot.CreateBotClient();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var readiness = await ready.Content.ReadAsStringAsync();
        var answered = await slow.WaitAsync(Guard);

        Assert.Contains("I'm busy right now", LinkingBot.Texts(busy), StringComparison.Ordinal);
        Assert.DoesNotContain("isn't answering", LinkingBot.Texts(busy), StringComparison.Ordinal);
        Assert.Equal("tasks.page", Action(busy.GetProperty("actions"), "Try again").GetProperty("verb").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("Degraded", readiness, StringComparison.Ordinal);
        Assert.Contains("saturated", readiness, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Simulator.BaseAddress.Authority, readiness, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("alexw", LinkingBot.Texts(answered), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Service<IntegrifyCallLoad>().Snapshot(), host => host.BreakerOpen);
    }

    private static JsonObject FirstPage() => new() { ["start"] = 0 };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Guard);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
