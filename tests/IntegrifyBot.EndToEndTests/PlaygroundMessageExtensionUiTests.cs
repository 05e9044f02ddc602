using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// The message extension in the Teams emulator's web page (headless Debian Chromium), in its group
/// chat (tests/tools/playground-extension-ui.mjs): Alex searches his tasks from the compose box,
/// shares request #1002's approval, presses Show to get his own view with the buttons and approves
/// from it; a link to one of his requests unfurls into the shared request card; the Start a request
/// dialog lists the processes he may start. The bot runs in demo mode with the simulator, so the
/// emulator's Alex is linked by himself.
/// The emulator cannot switch users or refresh cards, so what Megan (the requester, another member
/// of the group chat) sees of the same posted card is asked for over the emulator's HTTP API, as
/// Teams asks when it redraws the card for her: she links with her password, then the card's refresh
/// is sent as hers. Her view is drawn with Microsoft's Adaptive Cards renderer instead of the page.
/// The screenshots are kept in artifacts/screenshots/extension for people to look at.
/// </summary>
public sealed partial class PlaygroundMessageExtensionUiTests
{
    private const string Megan = "user-id-1";

    [Fact]
    public async Task A_task_shared_from_a_search_gives_its_assignee_the_buttons_and_the_requester_its_status()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: run ./test.sh, which installs it.");
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots", "extension");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        // The emulator's group chat: its id is made up at each start; Megan Bowen is one of its members.
        var config = await playground.TestConfigAsync();
        var group = config.GetProperty("groupChats")[0];
        var groupId = group.GetProperty("id").GetString()!;
        Assert.Contains(Megan, Strings(group.GetProperty("members")));
        Assert.Equal("Megan Bowen", config.GetProperty("users").EnumerateArray().Single(user => user.GetProperty("id").GetString() == Megan).GetProperty("name").GetString());

        // A link to one of Alex's requests, as its card's Open in Integrify gives it.
        // Also the bot's first turn (it links Alex by himself): on a busy machine it may outlast the
        // emulator's patience, so it is asked again until it answers with results.
        var standingDesk = await FirstResultAsync(playground, groupId, Query("myRequests", "Standing desk"));
        var requestTitle = standingDesk.GetProperty("preview").GetProperty("content").GetProperty("title").GetString()!;
        var instanceSid = standingDesk.GetProperty("content").GetProperty("refresh").GetProperty("action").GetProperty("data").GetProperty("instanceSid").GetString();
        var requestLink = new Uri(bot.Simulator.BaseAddress, "#/section-dashboard/request/" + instanceSid).ToString();

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node",
            [NodeTools.Path("playground-extension-ui.mjs"), playground.BaseAddress.ToString(), screenshots, group.GetProperty("name").GetString()!, groupId, requestLink, requestTitle],
            TimeSpan.FromMinutes(4));

        Assert.True(exitCode == 0, output);
        foreach (var name in new[] { "1-search-results.png", "2-card-in-compose.png", "3-posted.png", "4-alexs-view.png", "5-approved.png", "6-unfurl.png", "7-unfurled-shown.png", "8-start-request.png", "9-process-list.png" })
        {
            var file = new FileInfo(Path.Combine(screenshots, name));
            Assert.True(file.Exists && file.Length > 10_000, $"{name} is missing or blank.");
        }

        // What Alex saw, as the script read it off the page.
        using var seen = JsonDocument.Parse(SeenLine().Match(output) is { Success: true } line ? line.Groups[1].Value : throw new Xunit.Sdk.XunitException("The script printed nothing seen:\n" + output));
        var searched = seen.RootElement.GetProperty("searched");
        Assert.Equal(["Manager approval"], Strings(searched.GetProperty("titles")));
        Assert.StartsWith("#1002 · Time off 12–16 Jan · Time Off · ", Assert.Single(Strings(searched.GetProperty("texts"))), StringComparison.Ordinal);

        // The posted card holds nothing of the sharer: a heading, a line and Show.
        var posted = seen.RootElement.GetProperty("posted");
        Assert.Equal(groupId, posted.GetProperty("conversationId").GetString());
        Assert.Equal("Integrify task", Strings(posted.GetProperty("texts"))[0]);
        Assert.DoesNotContain(Strings(posted.GetProperty("texts")), text => text.Contains("1002", StringComparison.Ordinal) || text.Contains("Time off", StringComparison.Ordinal));
        Assert.Equal(["Show"], Strings(posted.GetProperty("buttons")));
        var messageId = posted.GetProperty("messageId").GetString()!;
        var refresh = posted.GetProperty("refresh");
        Assert.Equal("task.shared", refresh.GetProperty("verb").GetString());
        var taskSid = refresh.GetProperty("data").GetProperty("recipientTaskSid").GetString()!;

        var alexs = seen.RootElement.GetProperty("alexsView");
        Assert.Contains("Assigned to you", Strings(alexs.GetProperty("texts")));
        Assert.Contains("#1002 · Time off 12–16 Jan", Strings(alexs.GetProperty("texts")));
        Assert.Contains("Approve", Strings(alexs.GetProperty("buttons")));

        var approved = seen.RootElement.GetProperty("approved");
        Assert.Matches(@"^You chose Approve on the task on request #1002 at .+\.$", approved.GetProperty("notice").GetString());
        Assert.Equal(["Approve"], Strings(approved.GetProperty("bold")));
        Assert.DoesNotContain("Approve", Strings(approved.GetProperty("buttons")));
        Assert.Equal(1, bot.Simulator.Counters.Completions(taskSid));

        // Megan's view of the same posted message: what Teams would draw for her. Asked once Alex is
        // done in the page: the emulator keeps the latest answer as the message's card, whoever asked.
        var linked = await playground.InvokeAsync("adaptiveCard/action", Megan, groupId, Execute("link.password", new { userName = "meganb", password = "Passw0rd!" }), messageId);
        Assert.Contains("as **meganb** with your Integrify password", LinkingBot.Texts(Card(linked)), StringComparison.Ordinal);
        var megans = Card(await playground.InvokeAsync("adaptiveCard/action", Megan, groupId, Execute(refresh.GetProperty("verb").GetString()!, refresh.GetProperty("data")), messageId));
        var texts = LinkingBot.Texts(megans);
        foreach (var expected in new[] { "#1002 · Time off 12–16 Jan", "Status", "Started", "Current step", "This task is not open for you." })
        {
            Assert.Contains(expected, texts, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Assigned to you", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("task.approve", megans.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Completions(taskSid));
        await DrawAsync(megans, Path.Combine(screenshots, "10-megans-view.png"));

        // The unfurled link: the shared request card in the dialog, Alex's view of it once posted.
        var unfurled = seen.RootElement.GetProperty("unfurled");
        Assert.Equal("Integrify request", Strings(unfurled.GetProperty("texts"))[0]);
        Assert.Equal(["Show"], Strings(unfurled.GetProperty("buttons")));
        Assert.Contains(requestTitle, Strings(seen.RootElement.GetProperty("unfurledView").GetProperty("texts")));

        // The Start a request dialog offers what Integrify lets Alex start.
        var alex = new IntegrifyUser(AgentsPlayground.TenantId, AgentsPlayground.UserAadObjectId);
        var startable = await bot.Services.GetRequiredService<IIntegrifyRequestsApi>().SearchProcessesAsync(alex, search: null, CancellationToken.None);
        var started = seen.RootElement.GetProperty("started");
        Assert.Equal(startable.Select(process => process.Name), Strings(started.GetProperty("processes")));
        Assert.Contains("Time Off", Strings(started.GetProperty("processes")));
        Assert.Equal(["Process", "Name of the request", "Post a card about it into this conversation"], Strings(started.GetProperty("labels")));
        Assert.Equal(["Start request"], Strings(started.GetProperty("buttons")));
    }

    private static async Task<JsonElement> FirstResultAsync(AgentsPlayground playground, string conversationId, object query)
    {
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (true)
        {
            var answer = await playground.InvokeAsync("composeExtension/query", AgentsPlayground.UserId, conversationId, query);
            if (answer.TryGetProperty("composeExtension", out var extension) && extension.TryGetProperty("attachments", out var results))
            {
                return Assert.Single(results.EnumerateArray());
            }

            Assert.True(DateTime.UtcNow < deadline, $"The search never answered with results: {answer}");
            await Task.Delay(500);
        }
    }

    private static object Query(string commandId, string search) => new
    {
        commandId,
        parameters = new[] { new { name = "search", value = search } },
        queryOptions = new { skip = 0, count = 25 },
        commandContext = "compose",
    };

    /// <summary>An Action.Execute as Teams sends it when it redraws a card for someone (trigger automatic).</summary>
    private static object Execute(string verb, object data) => new { action = new { type = "Action.Execute", verb, data }, trigger = "automatic" };

    /// <summary>The card of the bot's answer to an Action.Execute.</summary>
    private static JsonElement Card(JsonElement answer)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        return answer.GetProperty("value");
    }

    /// <summary>Draws a card with Microsoft's Adaptive Cards renderer (tests/tools/validate-cards.mjs), which also checks it.</summary>
    private static async Task DrawAsync(JsonElement card, string png)
    {
        var folder = Directory.CreateTempSubdirectory("integrifybot-card-").FullName;
        try
        {
            var json = Path.Combine(folder, Path.GetFileNameWithoutExtension(png) + ".json");
            await File.WriteAllTextAsync(json, card.GetRawText());
            var (exitCode, output) = await BotProcess.RunToEndAsync(
                "node", [NodeTools.Path("validate-cards.mjs"), json, "--screenshots", Path.GetDirectoryName(png)!], TimeSpan.FromMinutes(2));
            Assert.True(exitCode == 0, output);
            Assert.True(File.Exists(png), $"{Path.GetFileName(png)} was not drawn:\n{output}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToList();

    [GeneratedRegex(@"^seen: (\{.*\})\s*$", RegexOptions.Multiline)]
    private static partial Regex SeenLine();
}
