using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// The task list in Microsoft's Teams emulator, driven over its API: the demo bot (defaults, so the
/// emulator's Alex is linked by himself and the embedded simulator gives him twelve open tasks)
/// answers "tasks" with the list, and a click on a task's button comes back as the list again
/// with what was done at its top, as Teams would show it in place of the clicked card.
/// </summary>
public sealed partial class PlaygroundTasksTests : IAsyncLifetime
{
    private BotApp bot = null!;
    private AgentsPlayground playground = null!;

    public async Task InitializeAsync()
    {
        bot = await BotApp.DemoWithSimulatorAsync();
        playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        await playground.InstallAsync();
        Assert.Contains("I'm the Integrify bot", Card(await playground.NextMessageAsync()).GetRawText(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await playground.DisposeAsync();
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task Tasks_lists_alexs_tasks_soonest_due_first_with_the_overdue_ones_marked_at_the_top()
    {
        await playground.SendAsync("tasks");
        var card = Card(await playground.NextMessageAsync());

        Assert.Contains("12 open · showing 1–10, soonest due first", LinkingBot.Texts(card), StringComparison.Ordinal);
        var tasks = TaskBlocks(card);
        Assert.Equal(10, tasks.Count);

        // Each task's line reads "… · **Overdue**, was due 11/26/2026 7:09 AM" or "… · due 11/28/2026 10:09 AM",
        // in the user's locale (the emulator says en-US, whose times .NET writes with a narrow no-break space before AM).
        var dues = tasks.Select(Due).ToList();
        Assert.All(dues, due => Assert.NotNull(due.At));
        Assert.Equal(dues.Select(due => due.At).Order().ToList(), dues.Select(due => due.At).ToList());
        Assert.Contains("#1007 · Monitors for design team", tasks[0], StringComparison.Ordinal);
        Assert.Contains("#1001 · Laptop for new hire – Jordan", tasks[1], StringComparison.Ordinal);
        Assert.Equal([true, true, false, false, false, false, false, false, false, false], dues.Select(due => due.Overdue).ToList());
    }

    [Fact]
    public async Task Clicking_approve_on_a_task_answers_with_the_list_without_it_and_a_green_notice_of_the_choice()
    {
        await playground.SendAsync("tasks");
        var message = await playground.NextMessageAsync();
        var approve = Button(Card(message), "#1001", "Approve");
        Assert.Equal("task.approve", approve.GetProperty("verb").GetString());

        var answer = await playground.ExecuteAsync(message.GetProperty("messageId").GetString()!, approve);

        // Teams replaces the clicked card with the card of the invoke response.
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        var card = answer.GetProperty("value");
        var notice = card.GetProperty("body")[0];
        Assert.Equal("Container", notice.GetProperty("type").GetString());
        Assert.Equal("good", notice.GetProperty("style").GetString());
        Assert.Matches(
            @"^You chose \*\*Approve\*\* on the task on request #1001 at \d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}\s[AP]M\.$",
            notice.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Contains("11 open · showing 1–10, soonest due first", LinkingBot.Texts(card), StringComparison.Ordinal);
        var tasks = TaskBlocks(card);
        Assert.Equal(10, tasks.Count);
        Assert.DoesNotContain(tasks, task => task.Contains("#1001 ", StringComparison.Ordinal));
        Assert.Contains("#1007 · Monitors for design team", tasks[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alex_approves_three_tasks_in_one_go_from_decide_several()
    {
        await playground.SendAsync("tasks");
        var message = await playground.NextMessageAsync();
        var cardId = message.GetProperty("messageId").GetString()!;
        var several = Action(Action(Card(message).GetProperty("actions"), "Decide several").GetProperty("card").GetProperty("actions"), "Approve several");

        var checklist = (await playground.ExecuteAsync(cardId, several)).GetProperty("value");
        var offered = Choices(checklist).Where(choice => !choice.Title.Contains("comment needed", StringComparison.Ordinal)).Take(3).ToList();
        Assert.Equal(3, offered.Count);

        // Teams sends the ticked boxes as one value, joined with commas, beside the button's data.
        var press = System.Text.Json.Nodes.JsonNode.Parse(checklist.GetProperty("actions")[0].GetRawText())!.AsObject();
        press["data"]!["picked"] = string.Join(',', offered.Select(choice => choice.Value));
        press["data"]!["comment"] = "Approved in one go.";
        var result = (await playground.ExecuteAsync(cardId, JsonSerializer.SerializeToElement(press))).GetProperty("value");

        var texts = LinkingBot.Texts(result);
        Assert.Contains("All 3 done.", texts, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(texts, @"You chose \*\*Approve\*\* at "));
        await playground.SendAsync("tasks");
        Assert.Contains("9 open · showing 1–9, soonest due first", LinkingBot.Texts(Card(await playground.NextMessageAsync())), StringComparison.Ordinal);
    }

    internal static JsonElement Card(JsonElement message)
    {
        var attachment = message.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    private static (bool Overdue, DateTime? At) Due(string task)
    {
        var match = DueLine().Match(task);
        return match.Success
            ? (match.Groups["overdue"].Success, DateTime.ParseExact(match.Groups["at"].Value.Replace('\u202F', ' '), "M/d/yyyy h:mm tt", CultureInfo.GetCultureInfo("en-US")))
            : (false, null);
    }

    [GeneratedRegex(@"· (?:(?<overdue>\*\*Overdue\*\*, was due)|due) (?<at>\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}\s[AP]M)")]
    private static partial Regex DueLine();
}
