using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// A person in the Teams emulator's web page (headless Debian Chromium) starts a request
/// (tests/tools/playground-requests-ui.mjs): "new request", Start on Time Off, the name card
/// prefilled, "Start request", the started banner, then "my requests" with the new request first.
/// The bot runs in demo mode on its defaults, so the emulator's Alex is linked by himself.
/// The screenshots are kept in artifacts/screenshots/requests for people to look at.
/// </summary>
public sealed partial class PlaygroundRequestsUiTests
{
    private const string Process = "Time Off";

    [Fact]
    public async Task Alex_starts_a_time_off_request_with_the_suggested_name_and_finds_it_first_in_his_requests()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: run ./test.sh, which installs it.");
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots", "requests");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node", [NodeTools.Path("playground-requests-ui.mjs"), playground.BaseAddress.ToString(), screenshots, "new request", Process], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        foreach (var screenshot in new[] { "1-processes.png", "2-name.png", "3-started.png", "4-my-requests.png" })
        {
            var file = new FileInfo(Path.Combine(screenshots, screenshot));
            Assert.True(file.Exists && file.Length > 10_000, $"{screenshot} is missing or blank.");
        }

        // What Integrify says, asked as the emulator's Alex whom the bot linked: the processes he may
        // start, and his newest request.
        var alex = new IntegrifyUser(AgentsPlayground.TenantId, AgentsPlayground.UserAadObjectId);
        var requests = bot.Services.GetRequiredService<IIntegrifyRequestsApi>();
        var startable = await requests.SearchProcessesAsync(alex, search: null, CancellationToken.None);
        var newest = (await requests.ListRequestsAsync(alex, new ListQuery { Start = 0, Count = 1, Sort = "createdDate", Dir = "desc" }, CancellationToken.None)).Items.Single();

        // What the person saw, as the script read it off the page.
        using var seen = JsonDocument.Parse(SeenLine().Match(output) is { Success: true } line ? line.Groups[1].Value : throw new Xunit.Sdk.XunitException("The script printed nothing seen:\n" + output));
        var listed = seen.RootElement.GetProperty("listed");
        Assert.Contains(Process, Strings(listed.GetProperty("processes")));
        Assert.Equal(startable.Select(process => process.Name), Strings(listed.GetProperty("processes")));

        var named = seen.RootElement.GetProperty("named");
        Assert.Equal($"Start “{Process}”", named.GetProperty("heading").GetString());
        var name = named.GetProperty("name").GetString()!;
        Assert.Matches(@"^Time Off – Alex – \d{1,2}/\d{1,2}/\d{4}$", name);
        Assert.Equal(["Start request"], Strings(named.GetProperty("buttons")));

        var started = seen.RootElement.GetProperty("started");
        var banner = Started().Match(started.GetProperty("banner").GetString()!);
        Assert.True(banner.Success, $"The banner reads “{started.GetProperty("banner")}”.");
        Assert.Equal(name, banner.Groups["name"].Value);
        Assert.True(IsGreen(started.GetProperty("bannerBackground").GetString()!), $"The banner's background is {started.GetProperty("bannerBackground")}, not green.");
        Assert.Equal("Next: Manager approval.", Strings(started.GetProperty("text")).Last());
        Assert.Equal(["Open the request", "My requests"], Strings(started.GetProperty("buttons")));

        // Integrify has it, under the name the card suggested and the number the banner gave.
        Assert.Equal(banner.Groups["number"].Value, newest.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((name, Process, "Started"), (newest.Name, newest.ProcessName, newest.Status));

        var mine = seen.RootElement.GetProperty("requests");
        Assert.Matches(@"^\d+ requests · showing 1–\d+, newest first$", mine.GetProperty("summary").GetString());
        Assert.Equal($"#{newest.Id} · {name}", Strings(mine.GetProperty("requests")).First());
        Assert.StartsWith($"{Process} · Started · ", Strings(mine.GetProperty("request")).Last(), StringComparison.Ordinal);
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToList();

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
    private static partial Regex SeenLine();

    [GeneratedRegex(@"^Request #(?<number>\d+) “(?<name>.+)” is started\.$")]
    private static partial Regex Started();

    [GeneratedRegex(@"^rgba?\((\d+), (\d+), (\d+)")]
    private static partial Regex Rgb();
}
