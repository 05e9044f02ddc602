using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>
/// Several decisions that outlast a card button's time limit: the answer says what is done so far,
/// the rest carries on, and the clicked card is replaced with every outcome when all are done.
/// </summary>
public sealed class SeveralTasksLaterTests : LinkedAlexTests
{
    /// <summary>A short limit, so that a slow task surely outlasts it; the others need far less.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Bot:InvokeTimeout"] = "00:00:03" };

    [Fact]
    public async Task A_slow_task_finishes_after_the_answer_and_the_card_is_updated_with_every_outcome()
    {
        var orders = Enumerable.Range(1, 3).Select(i => Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = $"Monitor order {i}" })).ToList();
        var list = await Bot.SayAsync("tasks Monitor");
        var several = Action(list.GetProperty("actions"), "Decide several").GetProperty("card").GetProperty("actions");
        var checklist = await Bot.ClickAsync("tasks.several", Data(Action(several, "Approve several")));

        // Integrify takes 4 s for each call about one of them: its check and its completion outlast the limit.
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = $"/api/instance/tasktypes/approval/{orders[1].RecipientTaskSid}", LatencyMs = 4000 });
        var data = Data(checklist.GetProperty("actions")[0]);
        data["picked"] = string.Join(',', orders.Select(order => order.RecipientTaskSid));

        // With a comment nothing is read before the decisions start, so they start however busy the machine.
        data["comment"] = "Monitors for the new desks.";
        var answer = LinkingBot.Texts(await Bot.ClickAsync("tasks.decideSeveral", data));

        // The answer comes before the slow task is done (or, on a machine too busy even for that, is the retry card).
        Assert.True(answer.Contains("done so far. The rest carry on, and this card is updated when all are done.", StringComparison.Ordinal) || answer.Contains("That is taking too long", StringComparison.Ordinal), answer);
        var updated = await UpdatedCardAsync("All 3 done.");
        Assert.Equal(3, CountOf(LinkingBot.Texts(updated.Card), "You chose **Approve**"));
        Assert.Equal("msg-card", updated.ActivityId);
        Assert.Equal(3, Bot.Simulator.Counters.Calls("T3"));
    }

    /// <summary>The bot's update (PUT) of the clicked message that says <paramref name="text"/>.</summary>
    private async Task<ConnectorCall> UpdatedCardAsync(string text)
    {
        using var patience = new CancellationTokenSource(TestBudgets.Eventually);
        while (true)
        {
            var update = Bot.Connector.History.FirstOrDefault(call => call.Method == "PUT" && LinkingBot.Texts(call.Card).Contains(text, StringComparison.Ordinal));
            if (update is not null)
            {
                return update;
            }

            await Task.Delay(100, patience.Token);
        }
    }
}
