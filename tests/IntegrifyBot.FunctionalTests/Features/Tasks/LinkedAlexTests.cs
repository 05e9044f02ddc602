using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>A fresh bot and simulator for each test, with the activity files' Alex linked as alexw.</summary>
public abstract class LinkedAlexTests : IAsyncLifetime
{
    protected LinkingBot Bot { get; private set; } = null!;

    /// <summary>Settings of the bot under test, over those of <see cref="LinkingBot"/>.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Bot = await LinkingBot.StartAsync(Settings);
        await Bot.LinkAlexAsync();
    }

    public virtual async Task DisposeAsync() => await Bot.DisposeAsync();
}
