using System.Text.Json;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// A person in the Teams emulator's web page (headless Debian Chromium) asks for their tasks, opens
/// "Decide several", ticks three approvals on the checklist and approves them with one comment
/// (tests/tools/playground-several-ui.mjs): the checklist turns into the result, each task approved.
/// The bot runs in demo mode on its defaults, so the emulator's Alex is linked by himself and has
/// the simulator's twelve tasks, seven of them approvals offering Approve without a comment.
/// The screenshots are kept in artifacts/screenshots/several for people to look at.
/// </summary>
public sealed class PlaygroundSeveralTasksUiTests
{
    /// <summary>
    /// Three of Alex's approvals (Time Off, Expense Report, IT Access), none of whose next step is
    /// his again: approved, each leaves his list for someone else's.
    /// </summary>
    private static readonly string[] Requests = ["1002", "1003", "1004"];

    [Fact]
    public async Task Alex_approves_three_tasks_in_one_go_from_the_checklist()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: run ./test.sh, which installs it.");
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots", "several");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node", [NodeTools.Path("playground-several-ui.mjs"), playground.BaseAddress.ToString(), screenshots, .. Requests], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        foreach (var name in new[] { "1-task-list.png", "2-checklist.png", "3-result.png" })
        {
            var file = new FileInfo(Path.Combine(screenshots, name));
            Assert.True(file.Exists && file.Length > 10_000, $"{name} is missing or blank.");
        }

        // What the person saw, as the script read it off the page.
        using var seen = JsonDocument.Parse(PlaygroundTasksUiTests.SeenLine().Match(output) is { Success: true } line ? line.Groups[1].Value : throw new Xunit.Sdk.XunitException("The script printed nothing seen:\n" + output));
        Assert.Equal("12 open · showing 1–10, soonest due first", seen.RootElement.GetProperty("list").GetProperty("summary").GetString());
        var checklist = seen.RootElement.GetProperty("checklist");
        var choices = Strings(checklist.GetProperty("choices"));
        Assert.Equal(7, choices.Count);
        Assert.All(Requests, request => Assert.Single(choices, choice => choice.StartsWith($"#{request} ", StringComparison.Ordinal)));
        Assert.Contains(choices, choice => choice.StartsWith("#1002 Time off 12–16 Jan · Manager approval · due ", StringComparison.Ordinal));
        var ticked = Strings(checklist.GetProperty("ticked"));
        Assert.Equal(3, ticked.Count);
        Assert.All(Requests, request => Assert.Single(ticked, choice => choice.StartsWith($"#{request} ", StringComparison.Ordinal)));

        var result = seen.RootElement.GetProperty("result");
        Assert.Equal("Approve: several tasks at once", result.GetProperty("heading").GetString());
        Assert.Equal("All 3 done.", result.GetProperty("summary").GetString());
        Assert.Equal("With the comment “Approved in one go from Teams.”", result.GetProperty("comment").GetString());
        // Each task is named by its request, as the checklist named it.
        var named = Strings(result.GetProperty("tasks"));
        Assert.Equal(3, named.Count);
        Assert.All(Requests, request => Assert.Single(named, task => task.EndsWith($" · request #{request}", StringComparison.Ordinal)));
        Assert.Contains("Time off 12–16 Jan · request #1002", named);
        var outcomes = Strings(result.GetProperty("outcomes"));
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, outcome => Assert.StartsWith("You chose Approve at ", outcome, StringComparison.Ordinal));
        Assert.Equal(["Approve", "Approve", "Approve"], Strings(result.GetProperty("bold")));
        Assert.Equal(["Back to my tasks"], Strings(result.GetProperty("buttons")));

        // The bot agrees, asked again in the same chat: the emulator's WebSocket also carried what the
        // page was sent (the welcome card, then the list of twelve), which comes first; the checklist
        // and the result replaced the list as answers to its buttons.
        await PlaygroundTasksUiTests.SkipUntilAsync(playground, card => LinkingBot.Texts(card).Contains("12 open · showing 1–10", StringComparison.Ordinal));
        await playground.SendAsync("tasks");
        var again = PlaygroundTasksTests.Card(await playground.NextMessageAsync());
        Assert.Contains("9 open · showing 1–9, soonest due first", LinkingBot.Texts(again), StringComparison.Ordinal);
        var tasks = TaskBlocks(again);
        Assert.Equal(9, tasks.Count);
        Assert.All(Requests, request => Assert.DoesNotContain(tasks, task => task.Contains($"#{request} ", StringComparison.Ordinal)));
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToList();

}
