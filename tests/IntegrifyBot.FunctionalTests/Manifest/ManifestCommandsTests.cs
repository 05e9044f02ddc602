using System.Text.Json;
using IntegrifyBot.Routing;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Manifest;

/// <summary>The command menu Teams shows from the manifest matches what the bot really answers.</summary>
public sealed class ManifestCommandsTests
{
    [Fact]
    public async Task The_manifest_lists_exactly_the_listed_commands_of_the_bot_in_every_scope()
    {
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        var router = bot.Services.GetRequiredService<BotRouter>();
        var botCommands = router.Commands.Where(command => command.Listed).Select(command => command.Name).Order().ToList();
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "manifest", "manifest.json")));
        var commandLists = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().ToList();

        Assert.NotEmpty(commandLists);
        foreach (var list in commandLists)
        {
            var manifestCommands = list.GetProperty("commands").EnumerateArray().Select(command => command.GetProperty("title").GetString()!).Order().ToList();
            Assert.Equal(botCommands, manifestCommands);
        }
    }
}
