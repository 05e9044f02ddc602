using Integrify.Simulator;
using IntegrifyBot.FunctionalTests.Features.Requests;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features;

/// <summary>
/// A card button is answered within Bot:InvokeTimeout whatever Integrify does. The budget here is
/// the one setting these tests are about; Integrify's own timeouts stay patient, so the answer can
/// only come from the bot's budget. It leaves ample room for the quick steps before the slow one.
/// </summary>
public sealed class InvokeBudgetTests : LinkedAlexTests
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Bot:InvokeTimeout"] = "00:00:08" };

    [Fact]
    public async Task An_integrify_that_hangs_gets_a_retry_card_instead_of_waiting_for_it()
    {
        var list = await Bot.SayAsync("tasks");
        var approve = Data(Button(list, "#1010", "Approve"));
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance", LatencyMs = 60_000 });

        // Integrify would answer after a minute; the card comes from the bot's own budget.
        var card = await Bot.ClickAsync("task.approve", approve);

        Assert.Matches("taking too long|Integrify isn't answering", LinkingBot.Texts(card));
        Assert.Contains("Try again", Titles(card.GetProperty("actions")));
    }

    [Fact]
    public async Task When_integrify_is_slow_to_list_the_task_the_card_still_says_started_within_the_turn()
    {
        var start = await StartedNextTaskTests.StartDataAsync(Bot, "Software Renewal", "Figma renewal 2027");
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/start/", LatencyMs = 1500 });
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", LatencyMs = 60_000 });

        // A slow start and a lookup that could take Integrify's whole timeout would outlast the turn's
        // budget; the lookup gets only what the start left of it.
        var started = await Bot.ClickAsync("request.start", start);

        var texts = LinkingBot.Texts(started);
        Assert.Matches("Request #\\d+ “Figma renewal 2027” is started.", texts);
        Assert.Contains("Next is yours: **Confirm the renewal quote**.", texts, StringComparison.Ordinal);
        Assert.Equal(["Open it in Integrify", "Open the request", "My requests"], Titles(started.GetProperty("actions")));
    }
}
