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

    [Fact]
    public async Task The_message_extension_declares_exactly_the_searches_and_dialogs_the_bot_answers()
    {
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        var router = bot.Services.GetRequiredService<BotRouter>();
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "manifest", "manifest.json")));
        // Teams takes a command without a type for a search ("query").
        var commands = manifest.RootElement.GetProperty("composeExtensions").EnumerateArray()
            .SelectMany(extension => extension.GetProperty("commands").EnumerateArray())
            .Select(command => (Id: command.GetProperty("id").GetString()!, Type: command.TryGetProperty("type", out var type) ? type.GetString()! : "query"))
            .ToList();

        Assert.Equal(["myRequests", "myTasks", "processes"], router.SearchCommands.Order(StringComparer.Ordinal));
        Assert.Equal(router.SearchCommands.Order(StringComparer.Ordinal), commands.Where(c => c.Type == "query").Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(router.DialogCommands.Order(StringComparer.Ordinal), commands.Where(c => c.Type == "action").Select(c => c.Id).Order(StringComparer.Ordinal));
    }
}
