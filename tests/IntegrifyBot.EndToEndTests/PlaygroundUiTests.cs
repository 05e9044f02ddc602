using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// A person in the Teams emulator's web page (headless Debian Chromium): the welcome card shows,
/// "help" is answered with a card, and the welcome card's button replaces it. The screenshots are
/// kept in artifacts/screenshots for people to look at.
/// </summary>
public sealed class PlaygroundUiTests
{
    [Fact]
    public async Task A_person_sees_the_welcome_card_asks_for_help_and_clicks_a_button()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: run ./test.sh, which installs it.");
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots", "foundation");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node", [NodeTools.Path("playground-ui.mjs"), playground.BaseAddress.ToString(), screenshots], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        foreach (var name in new[] { "1-welcome.png", "2-help.png", "3-welcome-replaced-by-help.png" })
        {
            var file = new FileInfo(Path.Combine(screenshots, name));
            Assert.True(file.Exists && file.Length > 10_000, $"{name} is missing or blank.");
        }
    }
}
