using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>
/// Acting on tasks from the list card through /api/messages against the simulator: every completion
/// is checked with Integrify first and reaches it at most once, whoever clicks and however often.
/// </summary>
public sealed class TaskActionTests : LinkedAlexTests
{
    [Fact]
    public async Task Approving_completes_the_task_once_and_the_card_shows_it_done()
    {
        var list = await Bot.SayAsync("tasks");
        var approve = Button(list, "#1001", "Approve");
        var sid = Data(approve)["recipientTaskSid"]!.GetValue<string>();

        var card = await Bot.ClickAsync("task.approve", Data(approve));

        var texts = LinkingBot.Texts(card);
        Assert.Contains("You chose **Approve** on the task on request #1001", texts, StringComparison.Ordinal);
        Assert.Contains("11 open", texts, StringComparison.Ordinal);
        Assert.DoesNotContain(TaskBlocks(card), block => block.Contains("#1001 ", StringComparison.Ordinal));
        Assert.Equal(1, Bot.Simulator.Counters.Completions(sid));
    }

    [Fact]
    public async Task In_a_channel_the_shared_message_says_for_everyone_what_was_done()
    {
        var channel = TeamsActivities.ChannelMessage(Bot.Connector.ServiceUrl, "tasks");
        var shared = await Bot.SendAsync(channel);
        var conversation = channel["conversation"]!.AsObject();
        var list = await Bot.ClickAsync("tasks.page", Data(shared.GetProperty("refresh").GetProperty("action")), (JsonObject)conversation.DeepClone());

        var mine = await Bot.ClickAsync("task.approve", Data(Button(list, "#1001", "Approve")), (JsonObject)conversation.DeepClone());

        // Alex sees his list with what he did; everyone else's copy of the message now says it too,
        // and still shows none of his tasks.
        Assert.Contains("You chose **Approve** on the task on request #1001", LinkingBot.Texts(mine), StringComparison.Ordinal);
        var update = await Bot.Connector.NextAsync();
        Assert.Equal(("PUT", "msg-card"), (update.Method, update.ActivityId));
        var everyone = LinkingBot.Texts(update.Card);
        Assert.Contains("Alex Wilber chose **Approve** on the task on request #1001", everyone, StringComparison.Ordinal);
        Assert.DoesNotContain("#1002", everyone, StringComparison.Ordinal);
        Assert.Equal([TeamsActivities.UserId], update.Card.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(id => id.GetString()));
    }

    [Fact]
    public async Task In_the_personal_chat_nothing_but_the_clicked_card_changes()
    {
        var list = await Bot.SayAsync("tasks");

        await Bot.ClickAsync("task.approve", Data(Button(list, "#1001", "Approve")));

        Assert.True(Bot.Connector.IsIdle);
    }

    [Fact]
    public async Task A_second_click_on_the_same_button_shows_the_task_already_completed_and_sends_nothing()
    {
        var list = await Bot.SayAsync("tasks");
        var approve = Data(Button(list, "#1001", "Approve"));
        var sid = approve["recipientTaskSid"]!.GetValue<string>();
        await Bot.ClickAsync("task.approve", (JsonObject)approve.DeepClone());

        var again = await Bot.ClickAsync("task.approve", approve);

        Assert.Contains("was already completed by Alex Wilber", LinkingBot.Texts(again), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Completions(sid));
        Assert.Equal(1, Bot.Simulator.Counters.CompletionAttempts(sid));
    }

    [Fact]
    public async Task Concurrent_clicks_make_exactly_one_completion()
    {
        var list = await Bot.SayAsync("tasks");
        var approve = Data(Button(list, "#1011", "Approve"));
        var sid = approve["recipientTaskSid"]!.GetValue<string>();

        var cards = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Bot.ClickAsync("task.approve", (JsonObject)approve.DeepClone())));

        Assert.Equal(1, Bot.Simulator.Counters.Completions(sid));
        Assert.All(cards, card => Assert.Matches("You chose \\*\\*Approve\\*\\*|already completed", LinkingBot.Texts(card)));
    }

    [Fact]
    public async Task A_choice_that_needs_a_comment_asks_for_it_and_sends_nothing_until_given()
    {
        var list = await Bot.SayAsync("tasks");
        var deny = Data(Button(list, "#1002", "Deny"));
        var sid = deny["recipientTaskSid"]!.GetValue<string>();

        var asked = await Bot.ClickAsync("task.approve", deny);

        Assert.Contains("A comment is needed", LinkingBot.Texts(asked), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.CompletionAttempts(sid));
        var withComment = Data(Action(asked.GetProperty("actions"), "Deny"));
        withComment["comment"] = "Overlaps the release week, sorry.";

        var done = await Bot.ClickAsync("task.approve", withComment);

        Assert.Contains("You chose **Deny**", LinkingBot.Texts(done), StringComparison.Ordinal);
        Assert.Contains("Overlaps the release week, sorry.", LinkingBot.Texts(done), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Completions(sid));
    }

    [Fact]
    public async Task A_task_completed_in_integrify_meanwhile_is_shown_as_such()
    {
        var list = await Bot.SayAsync("tasks");
        var approve = Data(Button(list, "#1003", "Approve"));
        var sid = approve["recipientTaskSid"]!.GetValue<string>();
        Bot.Simulator.Control.CompleteTask(sid);

        var card = await Bot.ClickAsync("task.approve", approve);

        Assert.Contains("The task on request #1003 was already completed by Alex Wilber", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.CompletionAttempts(sid));
    }

    [Fact]
    public async Task A_task_of_someone_else_is_refused_politely()
    {
        var pattis = Bot.Simulator.Control.OpenTasks("pattif").First(task => task.TaskType == "approval");
        var approve = new JsonObject { ["recipientTaskSid"] = pattis.RecipientTaskSid, ["choice"] = "approve", ["instanceId"] = 1 };

        var card = await Bot.ClickAsync("task.approve", approve);

        Assert.Contains("You can no longer act on", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Completions(pattis.RecipientTaskSid));
    }

    [Fact]
    public async Task A_choice_the_task_no_longer_offers_is_refused_politely_with_the_current_choices()
    {
        var list = await Bot.SayAsync("tasks");
        var approve = Data(Button(list, "#1001", "Approve"));
        approve["choice"] = "approve-everything";

        var card = await Bot.ClickAsync("task.approve", approve);

        Assert.Contains("no longer offers that choice; here are the choices it offers now", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal("approve", Data(Button(card, "#1001", "Approve"))["choice"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(0, Bot.Simulator.Counters.CompletionAttempts(approve["recipientTaskSid"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Milestones_and_open_url_tasks_are_completed_with_one_click()
    {
        var list = await Bot.SayAsync("tasks");
        var milestone = Data(Button(list, "#1007", "Complete"));
        var openUrl = Data(Button(list, "#1009", "Complete"));

        var afterMilestone = await Bot.ClickAsync("task.complete", milestone);
        var afterOpenUrl = await Bot.ClickAsync("task.complete", openUrl);

        Assert.Contains("You completed the task on request #1007", LinkingBot.Texts(afterMilestone), StringComparison.Ordinal);
        Assert.Contains("You completed the task on request #1009", LinkingBot.Texts(afterOpenUrl), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T5"));
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T4"));
    }
}
