using IntegrifyBot.Tests.Features.Linking;

namespace IntegrifyBot.Tests.Features.Tasks;

/// <summary>A fresh bot and simulator for each test, with the activity files' Alex linked as alexw.</summary>
public abstract class LinkedAlexTests : IAsyncLifetime
{
    protected LinkingBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await LinkingBot.StartAsync();
        await Bot.LinkAlexAsync();
    }

    public virtual async Task DisposeAsync() => await Bot.DisposeAsync();
}
