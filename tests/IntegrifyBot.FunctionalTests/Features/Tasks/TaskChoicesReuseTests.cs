using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>
/// The list reuses the approvals' choices a person's last card read, for a short while; a click is
/// still checked with Integrify, and an action makes the next list read them all afresh.
/// </summary>
public sealed class TaskChoicesReuseTests : LinkedAlexTests
{
    [Fact]
    public async Task A_second_list_within_the_lifetime_reads_no_approval_again()
    {
        await Bot.SayAsync("tasks");
        var first = Bot.Simulator.Counters.Calls("T2");
        Assert.True(first > 0);

        var again = await Bot.SayAsync("tasks");

        Assert.Equal(first, Bot.Simulator.Counters.Calls("T2"));
        Assert.False(string.IsNullOrEmpty(Data(Button(again, "#1002", "Approve"))["recipientTaskSid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_click_reads_the_task_fresh_and_the_next_list_is_right()
    {
        var list = await Bot.SayAsync("tasks");
        var before = Bot.Simulator.Counters.Calls("T2");

        var card = await Bot.ClickAsync("task.approve", Data(Button(list, "#1001", "Approve")));

        // The click's own check, then every approval on the redrawn list read afresh.
        Assert.True(Bot.Simulator.Counters.Calls("T2") > before + 1);
        Assert.DoesNotContain(TaskBlocks(card), block => block.Contains("#1001 ", StringComparison.Ordinal));
        var next = await Bot.SayAsync("tasks");
        Assert.DoesNotContain(TaskBlocks(next), block => block.Contains("#1001 ", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(Data(Button(next, "#1002", "Approve"))["recipientTaskSid"]!.GetValue<string>()));
    }
}
