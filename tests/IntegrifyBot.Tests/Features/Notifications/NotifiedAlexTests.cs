using IntegrifyBot.Storage;
using IntegrifyBot.Tests.Features.Linking;

namespace IntegrifyBot.Tests.Features.Notifications;

/// <summary>
/// A fresh bot and simulator for each test with Alex linked as alexw (which records his personal
/// chat), and what a test needs to see where his notifications go.
/// </summary>
public abstract class NotifiedAlexTests : IAsyncLifetime
{
    protected LinkingBot Bot { get; private set; } = null!;

    /// <summary>Settings of the bot under test, over those of <see cref="LinkingBot"/>.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Bot = await LinkingBot.StartAsync(Settings);
        await Bot.LinkAlexAsync();
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    protected Task<ConversationAddress?> AlexsChatAsync() =>
        Bot.Service<ConversationAddresses>().FindAsync(LinkingBot.Alex, CancellationToken.None);
}
