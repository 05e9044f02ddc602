using System.Text.Json;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// The bot in demo mode talking to Microsoft's Teams emulator: real Teams activities in, real
/// connector calls out (replies, and the member lookup of zero-touch linking), as a person would
/// see them in the emulator's chat.
/// </summary>
public sealed class PlaygroundTests : IAsyncLifetime
{
    private BotApp bot = null!;
    private AgentsPlayground playground = null!;

    public async Task InitializeAsync()
    {
        bot = await BotApp.DemoWithSimulatorAsync();
        playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
    }

    public async Task DisposeAsync()
    {
        await playground.DisposeAsync();
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task Installing_the_app_shows_the_welcome_card_and_help_is_answered_with_the_help_card()
    {
        await playground.InstallAsync();
        var welcome = await playground.NextMessageAsync();

        Assert.Contains("I'm the Integrify bot", CardText(welcome), StringComparison.Ordinal);

        await playground.SendAsync("help");
        var help = await playground.NextMessageAsync();

        // Teams sends installationUpdate and conversationUpdate on install; a second welcome would arrive here instead.
        Assert.Contains("Here's what I can do", CardText(help), StringComparison.Ordinal);
        Assert.Contains("Show what I can do", CardText(help), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_the_welcome_cards_button_replaces_it_with_the_help_card()
    {
        await playground.InstallAsync();
        var welcome = await playground.NextMessageAsync();
        var button = Card(welcome).GetProperty("actions")[0];

        var answer = await playground.ExecuteAsync(welcome.GetProperty("messageId").GetString()!, button);

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        Assert.Contains("Here's what I can do", answer.GetProperty("value").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_links_the_emulators_alex_to_integrifys_alexw_through_the_organisation_without_typing()
    {
        await playground.InstallAsync();
        await playground.NextMessageAsync();

        await playground.SendAsync("status");
        var status = Card(await playground.NextMessageAsync());

        Assert.Contains("Your Integrify link", status.GetRawText(), StringComparison.Ordinal);
        var facts = Facts(status);
        Assert.Equal("alexw", facts["Integrify user"]);
        Assert.Equal("Alex Wilber", facts["Name"]);
        Assert.Equal("Automatically, through your organisation", facts["Linked"]);

        // The message carries no email: the bot asked the emulator's connector who Alex is.
        var lookup = await playground.NextLogAsync("getConversationMember");
        Assert.Equal(AgentsPlayground.UserId, lookup.GetProperty("messageId").GetString());
        Assert.Equal(200, lookup.GetProperty("response").GetProperty("statusCode").GetInt32());
        Assert.Equal("alexw@example.com", lookup.GetProperty("response").GetProperty("body").GetProperty("email").GetString());

        var stored = await bot.Services.GetRequiredService<IIntegrifyTokenStore>()
            .FindAsync(new IntegrifyUser(AgentsPlayground.TenantId, AgentsPlayground.UserAadObjectId), CancellationToken.None);
        Assert.Equal(("alexw", LinkMethod.OrganizationKey), (stored?.UserName, stored?.Method));
    }

    private static Dictionary<string, string> Facts(JsonElement card) =>
        card.GetProperty("body").EnumerateArray()
            .Where(element => element.GetProperty("type").GetString() == "FactSet")
            .SelectMany(set => set.GetProperty("facts").EnumerateArray())
            .ToDictionary(fact => fact.GetProperty("title").GetString()!, fact => fact.GetProperty("value").GetString()!, StringComparer.Ordinal);

    private static JsonElement Card(JsonElement message)
    {
        var attachment = message.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    private static string CardText(JsonElement message) => Card(message).GetRawText();
}
