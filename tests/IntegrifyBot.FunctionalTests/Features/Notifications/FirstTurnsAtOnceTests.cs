using System.Net.Http.Json;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Someone new to the bot whose first messages arrive together (a double send, a client that
/// retries, several Teams clients at once), through /api/messages on SQLite and PostgreSQL: after
/// each turn the bot records their chat and the time zone their Teams reports, all at the same moment.
/// </summary>
public abstract class FirstTurnsAtOnceTests(StorageProvider provider) : IAsyncLifetime
{
    private const int AtOnce = 10;
    private TestDatabase database = null!;
    private LinkingBot bot = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        bot = await LinkingBot.StartAsync(new Dictionary<string, string?>(database.Settings()));

        // Linked as the sign-in page leaves him, before any turn of his was recorded.
        await bot.Service<IntegrifySignIn>().WithPasswordAsync(LinkingBot.Alex, "alexw", "Passw0rd!", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_new_users_first_turns_at_once_are_all_answered_and_leave_one_chat_one_settings_row_and_no_failed_write()
    {
        var started = bot.Logs.Count;
        using var start = new SemaphoreSlim(0);
        var turns = Enumerable.Range(0, AtOnce).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await bot.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(bot.Connector.ServiceUrl, "help"));
            return response.IsSuccessStatusCode;
        }).ToList();
        start.Release(AtOnce);

        Assert.All(await Task.WhenAll(turns), Assert.True);
        var answers = bot.Connector.History.Where(call => call.Activity.GetProperty("type").GetString() == "message").ToList();
        Assert.Equal(AtOnce, answers.Count);
        Assert.All(answers, answer => Assert.Contains("Here's what I can do", LinkingBot.Texts(answer.Card), StringComparison.Ordinal));
        await using var context = await bot.DatabaseAsync();
        Assert.Equal(1, await context.ConversationReferences.CountAsync(r => r.UserKey == LinkingBot.Alex.UserId));
        var settings = await context.NotificationSettings.AsNoTracking().SingleAsync(s => s.UserKey == LinkingBot.Alex.UserId);
        Assert.Equal("Europe/Berlin", settings.TimeZone);
        Assert.Empty(bot.Logs.FailedWrites(since: started));
    }

    public sealed class OnSqlite() : FirstTurnsAtOnceTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : FirstTurnsAtOnceTests(StorageProvider.Postgres);
}
