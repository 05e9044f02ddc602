using Integrify.Simulator;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>
/// Reassign from a task's details: find a colleague in Integrify's directory (U2), pick them, add a
/// comment, confirm; the task moves (T6) once, however often Reassign is pressed.
/// </summary>
public sealed class ReassignTests : LinkedAlexTests
{
    [Fact]
    public async Task Alex_finds_megan_by_name_and_hands_her_the_task_with_a_comment()
    {
        var search = await OpenReassignAsync("#1002");
        Assert.Contains("Reassign: Manager approval", LinkingBot.Texts(search), StringComparison.Ordinal);

        var found = await FindAsync(search, "megan");
        var people = Choices(found);
        var megan = Assert.Single(people, person => person.Title.StartsWith("Megan Bowen", StringComparison.Ordinal));
        var sid = DataOf(found, "Reassign")["recipientTaskSid"]!.GetValue<string>();

        var done = await ConfirmAsync(found, megan.Value, "Away until the 20th, Megan decides meanwhile.");

        var texts = LinkingBot.Texts(done);
        Assert.Matches(@"You reassigned the task on request #1002 to \*\*Megan Bowen\*\* at .+ with the comment “Away until the 20th, Megan decides meanwhile\.”\.", texts);
        Assert.Equal(["Back to my tasks"], Titles(done.GetProperty("actions")));
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T6"));
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T8"));
        Assert.Contains(Bot.Simulator.Control.OpenTasks("meganb"), task => task.RecipientTaskSid == sid);
        Assert.DoesNotContain(Bot.Simulator.Control.OpenTasks("alexw"), task => task.RecipientTaskSid == sid);
        Assert.DoesNotContain("#1002", LinkingBot.Texts(await Bot.SayAsync("tasks")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_colleague_is_told_of_the_task_once_with_who_handed_it_on()
    {
        var megan = LinkingBot.Person(3);
        await Bot.LinkAsync(megan, "meganb");
        var found = await FindAsync(await OpenReassignAsync("#1002"), "megan");
        var pick = Choices(found).First(person => person.Title.StartsWith("Megan Bowen", StringComparison.Ordinal));
        var sid = DataOf(found, "Reassign")["recipientTaskSid"]!.GetValue<string>();

        await ConfirmAsync(found, pick.Value, "Back on the 20th.");
        await ConfirmAsync(found, pick.Value, comment: null);

        // Queued in the outbox for her, once: its sender delivers it as any new task.
        await using var database = await Bot.DatabaseAsync();
        var row = Assert.Single(await database.Notifications.AsNoTracking().Where(notification => notification.RecipientTaskSid == sid).ToListAsync());
        Assert.Equal(NotificationSource.Push, row.Source);
        Assert.Equal("Alex Wilber handed this task to you: “Back on the 20th.”", row.Message);
        Assert.Contains(row.UserKey, new[] { megan["id"]!.GetValue<string>(), megan["aadObjectId"]!.GetValue<string>() });
    }

    [Fact]
    public async Task A_list_row_offers_reassign_and_hands_the_task_on_from_there()
    {
        var row = Button(await Bot.SayAsync("tasks"), "#1002", "Reassign");

        var found = await FindAsync(await Bot.ClickAsync("task.reassign", Data(row)), "megan");
        var megan = Choices(found).First(person => person.Title.StartsWith("Megan Bowen", StringComparison.Ordinal));
        var done = await ConfirmAsync(found, megan.Value, comment: null);

        Assert.Contains("You reassigned the task on request #1002 to **Megan Bowen**", LinkingBot.Texts(done), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T6"));
    }

    [Fact]
    public async Task A_task_its_process_keeps_with_its_assignee_offers_no_reassign_and_refuses_a_forged_one()
    {
        var review = Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", ProcessName = "IT Access", StepName = "Security review", RequestName = "Admin rights for Sam" });
        var list = await Bot.SayAsync("tasks Admin rights");
        Assert.DoesNotContain("Reassign", ButtonsOf(list, $"#{review.InstanceId}"));
        var detail = await Bot.ClickAsync("task.open", Data(Button(list, $"#{review.InstanceId}", "Details")));
        Assert.DoesNotContain("Reassign", Titles(detail.GetProperty("actions")));

        // A card altered to press it anyway: nothing is sent.
        var forged = await Bot.ClickAsync("task.reassign", new JsonObject { ["recipientTaskSid"] = review.RecipientTaskSid, ["colleague"] = "megan" });

        Assert.Contains("Integrify does not allow this task to be reassigned", LinkingBot.Texts(forged), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("U2"));
        Assert.Equal(0, Bot.Simulator.Counters.Calls("T6"));
    }

    [Fact]
    public async Task A_colleague_is_found_by_email_too()
    {
        var found = await FindAsync(await OpenReassignAsync("#1002"), "meganb@");

        Assert.Contains(Choices(found), person => person.Title.StartsWith("Megan Bowen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pressing_reassign_twice_moves_the_task_once_and_the_second_press_says_so()
    {
        var found = await FindAsync(await OpenReassignAsync("#1002"), "megan");
        var megan = Choices(found).First(person => person.Title.StartsWith("Megan Bowen", StringComparison.Ordinal));

        var first = ConfirmAsync(found, megan.Value, comment: null);
        var second = ConfirmAsync(found, megan.Value, comment: null);
        var texts = new[] { LinkingBot.Texts(await first), LinkingBot.Texts(await second) };
        var third = LinkingBot.Texts(await ConfirmAsync(found, megan.Value, comment: null));

        Assert.Equal(1, Bot.Simulator.Counters.Calls("T6"));
        Assert.Contains(texts, text => text.Contains("You reassigned", StringComparison.Ordinal));
        Assert.Contains("no longer open for you, so it was not reassigned", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_completed_elsewhere_meanwhile_is_not_reassigned()
    {
        var found = await FindAsync(await OpenReassignAsync("#1002"), "megan");
        var megan = Choices(found).First(person => person.Title.StartsWith("Megan Bowen", StringComparison.Ordinal));
        Bot.Simulator.Control.CompleteTask(DataOf(found, "Reassign")["recipientTaskSid"]!.GetValue<string>());

        var texts = LinkingBot.Texts(await ConfirmAsync(found, megan.Value, comment: null));

        Assert.Contains("no longer open for you, so it was not reassigned", texts, StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("T6"));
    }

    [Fact]
    public async Task Integrifys_refusal_is_shown_with_its_reason_and_the_task_stays()
    {
        // Integrify refuses to hand Alex's task to Alex himself.
        var found = await FindAsync(await OpenReassignAsync("#1002"), "alex");
        var alex = Choices(found).First(person => person.Title.StartsWith("Alex Wilber", StringComparison.Ordinal));

        var texts = LinkingBot.Texts(await ConfirmAsync(found, alex.Value, comment: null));

        Assert.Contains("Integrify did not reassign the task: The task is already assigned to you.", texts, StringComparison.Ordinal);
        Assert.Contains("Reassign: Manager approval", texts, StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T6"));
    }

    [Theory]
    [InlineData(null, "Pick the colleague to hand the task to.")]
    [InlineData("00000000-0000-0000-0000-00000000beef", "That colleague is not among those found any more: pick again.")]
    public async Task A_missing_or_unoffered_pick_asks_again_and_moves_nothing(string? contactSid, string problem)
    {
        var found = await FindAsync(await OpenReassignAsync("#1002"), "megan");

        var texts = LinkingBot.Texts(await ConfirmAsync(found, contactSid, comment: null));

        Assert.Contains(problem, texts, StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("T6"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Find_without_a_name_asks_for_one(string typed)
    {
        var found = await FindAsync(await OpenReassignAsync("#1002"), typed);

        Assert.Contains("Type part of a name or an email address first.", LinkingBot.Texts(found), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("U2"));
    }

    [Fact]
    public async Task A_search_that_finds_nobody_says_so()
    {
        var texts = LinkingBot.Texts(await FindAsync(await OpenReassignAsync("#1002"), "nobody by this name"));

        Assert.Contains("Nobody found for “nobody by this name”", texts, StringComparison.Ordinal);
    }

    private async Task<JsonElement> OpenReassignAsync(string requestNumber)
    {
        var detail = await Bot.ClickAsync("task.open", Data(Button(await Bot.SayAsync("tasks"), requestNumber, "Details")));
        return await Bot.ClickAsync("task.reassign", DataOf(detail, "Reassign"));
    }

    /// <summary>Types into the colleague box and presses Find, as Teams sends it: the button's data with the inputs.</summary>
    private Task<JsonElement> FindAsync(JsonElement search, string typed)
    {
        var data = DataOf(search, "Find");
        data["colleague"] = typed;
        return Bot.ClickAsync("task.reassign", data);
    }

    private Task<JsonElement> ConfirmAsync(JsonElement found, string? contactSid, string? comment)
    {
        var data = DataOf(found, "Reassign");
        if (contactSid is not null)
        {
            data["contactSid"] = contactSid;
        }

        if (comment is not null)
        {
            data["reassignComment"] = comment;
        }

        return Bot.ClickAsync("task.reassignTo", data);
    }

    private static JsonObject DataOf(JsonElement card, string title) => Data(Action(card.GetProperty("actions"), title));
}
