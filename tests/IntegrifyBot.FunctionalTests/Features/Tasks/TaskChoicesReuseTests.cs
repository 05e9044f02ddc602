using Integrify.Simulator;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>
/// The list reuses the approvals' choices a person's last card read, for a short while; a click is
/// still checked with Integrify, and an action makes the next list read them all afresh. Choices
/// changed in Integrify (an administrator editing the process) reach the list through any of those.
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

    [Fact]
    public async Task A_choice_removed_in_Integrify_is_refused_and_the_list_then_offers_the_new_ones()
    {
        var list = await Bot.SayAsync("tasks");
        var reject = Data(Button(list, "#1001", "Reject"));
        var sid = reject["recipientTaskSid"]!.GetValue<string>();
        Bot.Simulator.Control.ChangeChoices(sid, new OfferedChoice("Approve", "Approve", null), new OfferedChoice("Escalate", "Escalate to Finance", null));

        var card = await Bot.ClickAsync("task.approve", reject);
        var next = await Bot.SayAsync("tasks");

        Assert.Contains("no longer offers that choice; here are the choices it offers now", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.CompletionAttempts(sid));
        Assert.All(new[] { card, next }, shown =>
        {
            Assert.Contains("Escalate to Finance", ButtonsOf(shown, "#1001"));
            Assert.DoesNotContain("Reject", ButtonsOf(shown, "#1001"));
        });
    }

    [Fact]
    public async Task After_an_action_the_list_shows_choices_changed_in_Integrify_on_the_other_tasks()
    {
        var list = await Bot.SayAsync("tasks");
        var other = Data(Button(list, "#1002", "Approve"))["recipientTaskSid"]!.GetValue<string>();
        Bot.Simulator.Control.ChangeChoices(other, new OfferedChoice("Approve", "Approve", null), new OfferedChoice("Escalate", "Escalate to Finance", null));

        var card = await Bot.ClickAsync("task.approve", Data(Button(list, "#1001", "Approve")));

        Assert.DoesNotContain(TaskBlocks(card), block => block.Contains("#1001 ", StringComparison.Ordinal));
        Assert.Contains("Escalate to Finance", ButtonsOf(card, "#1002"));
    }

    [Fact]
    public async Task Once_the_reuse_lifetime_has_passed_the_list_shows_choices_changed_in_Integrify()
    {
        var list = await Bot.SayAsync("tasks");
        var sid = Data(Button(list, "#1001", "Approve"))["recipientTaskSid"]!.GetValue<string>();
        Bot.Simulator.Control.ChangeChoices(sid, new OfferedChoice("Approve", "Approve", null), new OfferedChoice("Escalate", "Escalate to Finance", null));
        var within = await Bot.SayAsync("tasks");

        Bot.Clock.Advance(TimeSpan.FromSeconds(31));
        var after = await Bot.SayAsync("tasks");

        // Within the lifetime the list draws what it read a moment ago; a click on it is still checked.
        Assert.Contains("Reject", ButtonsOf(within, "#1001"));
        Assert.Contains("Escalate to Finance", ButtonsOf(after, "#1001"));
        Assert.DoesNotContain("Reject", ButtonsOf(after, "#1001"));
    }
}
