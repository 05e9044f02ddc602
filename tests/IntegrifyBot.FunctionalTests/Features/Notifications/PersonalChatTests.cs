using System.Net.Http.Json;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Where notifications go, as Teams shows it through /api/messages: each linked user's personal
/// chat, recorded on install, on every message and card button (Teams may move a conversation to
/// another service URL), and retired when the app is removed.
/// </summary>
public sealed class PersonalChatTests : NotifiedAlexTests
{
    [Fact]
    public async Task Linking_records_the_personal_chat_at_once()
    {
        // Alex linked with the in-card form, a card button in his personal chat.
        var chat = await AlexsChatAsync();

        Assert.NotNull(chat);
        Assert.Equal(TeamsActivities.PersonalConversationId, chat.ConversationId);
        Assert.Equal(Bot.Connector.ServiceUrl.ToString(), chat.ServiceUrl);
        Assert.Equal(TeamsActivities.BotId, chat.BotId);
    }

    [Fact]
    public async Task A_message_from_another_service_url_moves_the_chat_there()
    {
        await using var moved = await LocalConnector.StartAsync();

        using var response = await Bot.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(moved.ServiceUrl, "help"));
        response.EnsureSuccessStatusCode();

        Assert.Contains("Here's what I can do", LinkingBot.Texts((await moved.NextAsync()).Card), StringComparison.Ordinal);
        Assert.Equal(moved.ServiceUrl.ToString(), (await AlexsChatAsync())!.ServiceUrl);
    }

    [Fact]
    public async Task Removing_the_app_retires_the_chat_and_installing_it_again_records_it()
    {
        using (var removed = await Bot.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Load("installation-update-remove", Bot.Connector.ServiceUrl)))
        {
            removed.EnsureSuccessStatusCode();
        }

        Assert.Null(await AlexsChatAsync());

        using (var added = await Bot.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Load("installation-update-add", Bot.Connector.ServiceUrl)))
        {
            added.EnsureSuccessStatusCode();
        }

        Assert.Equal(TeamsActivities.PersonalConversationId, (await AlexsChatAsync())?.ConversationId);
    }

    [Fact]
    public async Task A_channel_is_never_where_tasks_are_announced()
    {
        await Bot.Service<ConversationAddresses>().RetireAsync(LinkingBot.Alex, TeamsActivities.PersonalConversationId, CancellationToken.None);

        await Bot.SendAsync(TeamsActivities.ChannelMessage(Bot.Connector.ServiceUrl, "help"));

        Assert.Null(await AlexsChatAsync());
    }

    [Fact]
    public async Task After_signing_out_nothing_is_recorded_any_more()
    {
        await Bot.SayAsync("sign out");

        await Bot.SayAsync("help");
        using (var installed = await Bot.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Load("installation-update-add", Bot.Connector.ServiceUrl)))
        {
            installed.EnsureSuccessStatusCode();
        }

        Assert.Null(await AlexsChatAsync());
        await using var database = await Bot.DatabaseAsync();
        Assert.False(await database.NotificationSettings.AnyAsync(settings => settings.UserKey == LinkingBot.Alex.UserId));
    }

    [Fact]
    public async Task The_time_zone_of_alexs_teams_is_kept_for_the_dates_on_his_notifications()
    {
        await Bot.SayAsync("help");

        var settings = await Bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None);
        Assert.Equal("Europe/Berlin", settings.TimeZone);
    }

    [Fact]
    public async Task A_chat_that_cannot_be_recorded_never_breaks_the_turn()
    {
        await using (var database = await Bot.DatabaseAsync())
        {
            await database.Database.ExecuteSqlRawAsync("""DROP TABLE "ConversationReferences" """);
        }

        var card = await Bot.SayAsync("help");

        Assert.Contains("Here's what I can do", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Contains(Bot.Logs.Lines, line => line.Contains("Could not record the personal chat of a message turn", StringComparison.Ordinal));
    }
}
