using IntegrifyBot.TestInfrastructure;
using System.Text.Json.Nodes;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>A task's detail view and comments (T2, T7, T8) through /api/messages against the simulator.</summary>
public sealed class TaskDetailTests : LinkedAlexTests
{
    [Fact]
    public async Task Details_show_the_requests_facts_and_comments_with_the_choices_and_a_comment_box()
    {
        var list = await Bot.SayAsync("tasks");

        var detail = await Bot.ClickAsync("task.open", Data(Button(list, "#1005", "Details")));

        var texts = LinkingBot.Texts(detail);
        Assert.Contains("Complete purchase details", texts, StringComparison.Ordinal);
        Assert.Contains("#1005 · Standing desk – Alex", texts, StringComparison.Ordinal);
        Assert.Contains("Patti Fernandez", texts, StringComparison.Ordinal);   // who sent it back, in the comments
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T7"));

        var approval = await Bot.ClickAsync("task.open", Data(Button(list, "#1002", "Details")));
        Assert.Equal(["Approve", "Deny", "Add a comment", "Reassign", "Back to my tasks"], Titles(approval.GetProperty("actions")));
        Assert.Contains("comment", LinkingBot.Inputs(approval).Keys);
    }

    [Fact]
    public async Task A_decision_with_a_comment_from_the_details_completes_the_task()
    {
        var list = await Bot.SayAsync("tasks");
        var detail = await Bot.ClickAsync("task.open", Data(Button(list, "#1002", "Details")));
        var deny = Data(Action(detail.GetProperty("actions"), "Deny"));
        deny["comment"] = "We need you that week.";

        var after = await Bot.ClickAsync("task.approve", deny);

        Assert.Contains("You chose **Deny**", LinkingBot.Texts(after), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Completions(deny["recipientTaskSid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_comment_is_added_to_the_request_and_shown()
    {
        var list = await Bot.SayAsync("tasks");
        var detail = await Bot.ClickAsync("task.open", Data(Button(list, "#1001", "Details")));
        var showCard = detail.GetProperty("actions").EnumerateArray().First(action => action.GetProperty("title").GetString() == "Add a comment");
        var add = Data(Action(showCard.GetProperty("card").GetProperty("actions"), "Add comment"));
        add["newComment"] = "Can we get the 14\" model instead?";

        var after = await Bot.ClickAsync("task.comment", add);

        var texts = LinkingBot.Texts(after);
        Assert.Contains("Your comment was added to the request.", texts, StringComparison.Ordinal);
        Assert.Contains("Can we get the 14\" model instead?", texts, StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T8"));
    }

    [Fact]
    public async Task An_empty_comment_is_asked_for_and_nothing_is_sent()
    {
        var list = await Bot.SayAsync("tasks");
        var add = new JsonObject { ["recipientTaskSid"] = Data(Button(list, "#1001", "Details"))["recipientTaskSid"]!.DeepClone(), ["newComment"] = "  " };

        var after = await Bot.ClickAsync("task.comment", add);

        Assert.Contains("Please write a comment first.", LinkingBot.Texts(after), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("T8"));
    }

    [Fact]
    public async Task Details_of_a_task_that_is_not_open_for_the_user_show_the_list_instead()
    {
        var pattis = Bot.Simulator.Control.OpenTasks("pattif")[0];

        var card = await Bot.ClickAsync("task.open", new JsonObject { ["recipientTaskSid"] = pattis.RecipientTaskSid });

        Assert.Contains("That task is no longer open for you.", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(10, TaskBlocks(card).Count);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("T7"));
    }
}
