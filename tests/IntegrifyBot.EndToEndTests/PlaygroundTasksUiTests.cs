using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// A person in the Teams emulator's web page (headless Debian Chromium) asks for their tasks and
/// approves one from the list card (tests/tools/playground-tasks-ui.mjs): the card turns into the
/// list again, the task gone and the choice said at its top. The bot runs in demo mode on its
/// defaults, so the emulator's Alex is linked by himself and has the simulator's twelve tasks.
/// The screenshots are kept in artifacts/screenshots/tasks for people to look at.
/// </summary>
public sealed partial class PlaygroundTasksUiTests
{
    [Fact]
    public async Task Alex_approves_a_task_from_the_list_and_the_card_shows_it_approved()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: run ./test.sh, which installs it.");
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots", "tasks");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node", [NodeTools.Path("playground-tasks-ui.mjs"), playground.BaseAddress.ToString(), screenshots, "1001", "Approve"], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        foreach (var name in new[] { "1-task-list.png", "2-approved.png" })
        {
            var file = new FileInfo(Path.Combine(screenshots, name));
            Assert.True(file.Exists && file.Length > 10_000, $"{name} is missing or blank.");
        }

        // What the person saw, as the script read it off the page.
        using var seen = JsonDocument.Parse(SeenLine().Match(output) is { Success: true } line ? line.Groups[1].Value : throw new Xunit.Sdk.XunitException("The script printed nothing seen:\n" + output));
        var before = seen.RootElement.GetProperty("before");
        Assert.Equal("12 open · showing 1–10, soonest due first", before.GetProperty("summary").GetString());
        Assert.Contains("#1001 · Laptop for new hire – Jordan", before.GetProperty("task").GetString(), StringComparison.Ordinal);
        Assert.Contains("Overdue, was due", before.GetProperty("task").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Approve", "Reject", "Request changes", "Details", "Reassign"], before.GetProperty("buttons").EnumerateArray().Select(button => button.GetString()!).ToList());
        var after = seen.RootElement.GetProperty("after");
        Assert.StartsWith("You chose Approve on the task on request #1001 at ", after.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.True(IsGreen(after.GetProperty("noticeBackground").GetString()!), $"The notice's background is {after.GetProperty("noticeBackground")}, not green.");
        Assert.Equal("11 open · showing 1–10, soonest due first", after.GetProperty("summary").GetString());
        var listed = after.GetProperty("tasks").EnumerateArray().Select(task => task.GetString()!).ToList();
        Assert.Equal(10, listed.Count);
        Assert.DoesNotContain(listed, task => task.StartsWith("#1001 ", StringComparison.Ordinal));

        // The bot agrees, asked again in the same chat: the emulator's WebSocket also carried what the
        // page was sent (the welcome card, then the list of twelve), which comes first.
        await SkipUntilAsync(playground, card => LinkingBot.Texts(card).Contains("12 open · showing 1–10", StringComparison.Ordinal));
        await playground.SendAsync("tasks");
        var again = PlaygroundTasksTests.Card(await playground.NextMessageAsync());
        Assert.Contains("11 open · showing 1–10, soonest due first", LinkingBot.Texts(again), StringComparison.Ordinal);
        var tasks = TaskBlocks(again);
        Assert.Equal(10, tasks.Count);
        Assert.DoesNotContain(tasks, task => task.Contains("#1001 ", StringComparison.Ordinal));
        var next = Action(again.GetProperty("actions"), "Next");
        Assert.Equal("tasks.page", next.GetProperty("verb").GetString());
    }

    /// <summary>Reads what the emulator carried until the card <paramref name="isLast"/> picks.</summary>
    internal static async Task SkipUntilAsync(AgentsPlayground playground, Func<JsonElement, bool> isLast)
    {
        while (true)
        {
            var message = await playground.NextMessageAsync();
            if (message.GetProperty("attachments").GetArrayLength() > 0 && isLast(PlaygroundTasksTests.Card(message)))
            {
                return;
            }
        }
    }

    /// <summary>"rgb(r, g, b)" or "rgba(r, g, b, a)" whose green clearly leads.</summary>
    private static bool IsGreen(string color)
    {
        var match = Rgb().Match(color);
        if (!match.Success)
        {
            return false;
        }

        var (red, green, blue) = (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        return green > red + 10 && green > blue + 10;
    }

    [GeneratedRegex(@"^seen: (\{.*\})\s*$", RegexOptions.Multiline)]
    internal static partial Regex SeenLine();

    [GeneratedRegex(@"^rgba?\((\d+), (\d+), (\d+)")]
    private static partial Regex Rgb();
}
