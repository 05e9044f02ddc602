using System.Text.Json;
using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>
/// Deciding several approvals at once from the task list: the checklist of those offering the
/// meaning, one comment asked first where Integrify needs it, each task checked (T2) and completed
/// (T3) once, whatever else happened to it, and whatever is pressed twice.
/// </summary>
public sealed class SeveralTasksTests : LinkedAlexTests
{
    [Fact]
    public async Task Ten_approvals_one_completed_elsewhere_and_one_needing_a_comment()
    {
        var orders = Assign(10, "Stationery order");
        Bot.Simulator.Control.ChangeChoices(orders[3].RecipientTaskSid, new OfferedChoice("Approve", "Approve", CommentRequired: true), new OfferedChoice("Reject", "Reject", CommentRequired: true));

        var checklist = await OpenChecklistAsync("Stationery", "Approve several");
        var offered = Choices(checklist);
        Assert.Equal(orders.Select(order => order.RecipientTaskSid).Order(), offered.Select(choice => choice.Value).Order());
        Assert.Contains("comment needed", offered.Single(choice => choice.Value == orders[3].RecipientTaskSid).Title, StringComparison.Ordinal);

        // Without a comment: nothing is sent, the comment is asked for, and every tick stays.
        var asked = await DecideAsync(checklist, offered.Select(choice => choice.Value), comment: null);
        Assert.Contains($"Integrify asks for a comment with this choice on #{orders[3].InstanceId}", LinkingBot.Texts(asked), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("T3"));
        Assert.Equal(offered.Count, Picked(asked).Length);

        // Meanwhile someone completes one of them in Integrify.
        Bot.Simulator.Control.CompleteTask(orders[7].RecipientTaskSid, "Approve");
        var result = await DecideAsync(asked, Picked(asked), "Within the quarter's budget.");

        var texts = LinkingBot.Texts(result);
        Assert.Contains("9 of 10 done; the others are explained below.", texts, StringComparison.Ordinal);
        Assert.Contains("With the comment “Within the quarter's budget.”", texts, StringComparison.Ordinal);
        Assert.Equal(9, CountOf(texts, "You chose **Approve**"));
        Assert.Contains($"The task on request #{orders[7].InstanceId} was already completed by", texts, StringComparison.Ordinal);
        Assert.Equal(9, Bot.Simulator.Counters.Calls("T3"));
        Assert.DoesNotContain(Bot.Simulator.Control.OpenTasks("alexw"), task => orders.Any(order => order.RecipientTaskSid == task.RecipientTaskSid));
        Assert.Equal(["Back to my tasks"], Titles(result.GetProperty("actions")));
    }

    [Fact]
    public async Task Two_clicks_at_once_complete_each_task_once()
    {
        var orders = Assign(6, "Toner order");
        var checklist = await OpenChecklistAsync("Toner", "Approve several");
        var sids = orders.Select(order => order.RecipientTaskSid).ToList();

        var first = DecideAsync(checklist, sids, "OK");
        var second = DecideAsync(checklist, sids, "OK");
        var texts = new[] { LinkingBot.Texts(await first), LinkingBot.Texts(await second) };

        Assert.Equal(6, Bot.Simulator.Counters.Calls("T3"));
        Assert.DoesNotContain(texts, text => text.Contains("did not answer", StringComparison.Ordinal));
        Assert.All(texts, text => Assert.Equal(6, CountOf(text, "You chose **Approve**") + CountOf(text, "already completed by")));

        // A third press, later, finds every task done and sends nothing.
        var third = LinkingBot.Texts(await DecideAsync(checklist, sids, "OK"));
        Assert.Equal(6, CountOf(third, "already completed by"));
        Assert.Equal(6, Bot.Simulator.Counters.Calls("T3"));
    }

    [Fact]
    public async Task Reject_sends_each_process_own_word_for_it()
    {
        // The Purchase Request says Reject; Time Off says Deny. One decision sends each its own.
        var purchase = Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = "Mixed decision A" });
        var timeOff = Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", ProcessName = "Time Off", RequestName = "Mixed decision B" });
        var checklist = await OpenChecklistAsync("Mixed decision", "Reject several");

        var result = LinkingBot.Texts(await DecideAsync(checklist, [purchase.RecipientTaskSid, timeOff.RecipientTaskSid], "Not this time."));

        Assert.Contains("You chose **Reject**", result, StringComparison.Ordinal);
        Assert.Contains("You chose **Deny**", result, StringComparison.Ordinal);
        Assert.Equal(2, Bot.Simulator.Counters.Calls("T3"));
    }

    [Fact]
    public async Task Nothing_ticked_or_a_forged_tick_decides_nothing()
    {
        Assign(2, "Chair order");
        var checklist = await OpenChecklistAsync("Chair", "Approve several");

        var none = LinkingBot.Texts(await DecideAsync(checklist, [], comment: null));
        var forged = LinkingBot.Texts(await DecideAsync(checklist, [Bot.Simulator.Control.OpenTasks("alexw").First(task => !task.RequestName.StartsWith("Chair", StringComparison.Ordinal)).RecipientTaskSid], comment: null));

        Assert.Contains("Tick at least one task first.", none, StringComparison.Ordinal);
        Assert.Contains("Tick at least one task first.", forged, StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("T3"));
    }

    [Fact]
    public async Task In_a_group_chat_everyone_else_reads_only_that_alex_decided_several()
    {
        Assign(2, "Cable order");
        var checklist = await OpenChecklistAsync("Cable", "Approve several");
        var data = Data(checklist.GetProperty("actions")[0]);
        data["picked"] = string.Join(',', Choices(checklist).Select(choice => choice.Value));

        var mine = LinkingBot.Texts(await Bot.ClickAsync("tasks.decideSeveral", data, TeamsActivities.GroupChat()));

        Assert.Contains("All 2 done.", mine, StringComparison.Ordinal);
        var everyone = LinkingBot.Texts((await Bot.Connector.NextAsync()).Card);
        Assert.Contains("Alex Wilber decided 2 of their tasks at once.", everyone, StringComparison.Ordinal);
        Assert.DoesNotContain("Cable order", everyone, StringComparison.Ordinal);
    }

    private List<AssignedTask> Assign(int count, string name) =>
        [.. Enumerable.Range(1, count).Select(i => Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = $"{name} {i}" }))];

    /// <summary>The list for <paramref name="search"/>, then a button under its Decide several.</summary>
    private async Task<JsonElement> OpenChecklistAsync(string search, string decision)
    {
        var list = await Bot.SayAsync($"tasks {search}");
        var several = Action(list.GetProperty("actions"), "Decide several").GetProperty("card").GetProperty("actions");
        return await Bot.ClickAsync("tasks.several", Data(Action(several, decision)));
    }

    /// <summary>Presses the checklist's decision button with these ticks and comment, as Teams merges inputs into its data.</summary>
    private Task<JsonElement> DecideAsync(JsonElement checklist, IEnumerable<string> picked, string? comment)
    {
        var data = Data(checklist.GetProperty("actions")[0]);
        data["picked"] = string.Join(',', picked);
        if (comment is not null)
        {
            data["comment"] = comment;
        }

        return Bot.ClickAsync("tasks.decideSeveral", data);
    }

    private static string[] Picked(JsonElement card) =>
        card.GetProperty("body").EnumerateArray()
            .Single(element => element.GetProperty("type").GetString() == "Input.ChoiceSet")
            .GetProperty("value").GetString()!.Split(',');
}
