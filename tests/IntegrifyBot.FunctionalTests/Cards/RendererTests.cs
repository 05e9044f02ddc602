using IntegrifyBot.Cards.Json;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Cards;

/// <summary>Every card the bot sends parses without errors or warnings in Microsoft's Adaptive Cards renderer.</summary>
public sealed class RendererTests
{
    [Fact]
    public async Task Every_bot_card_parses_cleanly_in_the_adaptivecards_renderer()
    {
        NodeTools.EnsureInstalled();
        var folder = Directory.CreateTempSubdirectory("integrifybot-cards-").FullName;
        var cards = BotCardCatalog.All().ToList();
        foreach (var (name, card) in cards)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), CardJson.Serialize(card));
        }

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node",
            [NodeTools.Path("validate-cards.mjs"), "--strict", folder],
            TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0, "The renderer reported problems:\n" + output);
        Assert.Contains($"{cards.Count} cards checked, 0 with problems", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_renderer_check_catches_a_broken_card()
    {
        NodeTools.EnsureInstalled();
        var folder = Directory.CreateTempSubdirectory("integrifybot-cards-").FullName;
        await File.WriteAllTextAsync(
            Path.Combine(folder, "broken.json"),
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"huge"},{"type":"Carousel"}]}""");

        var (exitCode, output) = await BotProcess.RunToEndAsync("node", [NodeTools.Path("validate-cards.mjs"), "--strict", folder], TimeSpan.FromMinutes(1));

        Assert.Equal(1, exitCode);
        Assert.Contains("Carousel", output, StringComparison.Ordinal);
    }
}
