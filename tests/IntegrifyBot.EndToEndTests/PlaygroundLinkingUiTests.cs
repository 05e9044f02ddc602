using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// A person in the Teams emulator's web page (headless Debian Chromium) links their Integrify account
/// with the link card's own form (tests/tools/playground-link-ui.mjs). The screenshots are kept in
/// artifacts/screenshots/linking/playground for people to look at.
/// </summary>
public sealed class PlaygroundLinkingUiTests
{
    [Fact]
    public async Task Alex_links_with_the_in_card_form_and_status_shows_the_password_link()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: run ./test.sh, which installs it.");

        // Without zero-touch linking the emulator's Alex gets the link card, as someone whose
        // organisation does not link people by itself would.
        await using var bot = await BotApp.DemoWithSimulatorAsync(new Dictionary<string, string?>
        {
            ["Linking:ZeroTouch:Enabled"] = "false",
            ["Linking:TeamsJsUrl"] = string.Empty,
        });
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots", "linking", "playground");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node", [NodeTools.Path("playground-link-ui.mjs"), playground.BaseAddress.ToString(), screenshots, "alexw", "Passw0rd!"], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        foreach (var name in new[] { "1-link-card.png", "2-form-filled.png", "3-linked.png", "4-status.png" })
        {
            var file = new FileInfo(Path.Combine(screenshots, name));
            Assert.True(file.Exists && file.Length > 10_000, $"{name} is missing or blank.");
        }

        var stored = await bot.Services.GetRequiredService<IIntegrifyTokenStore>()
            .FindAsync(new IntegrifyUser(AgentsPlayground.TenantId, AgentsPlayground.UserAadObjectId), CancellationToken.None);
        Assert.Equal(("alexw", LinkMethod.Password), (stored?.UserName, stored?.Method));
    }
}
