using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IntegrifyBot.Tests.Infrastructure;

/// <summary>A demo-mode bot and the local connector it replies to, shared by one test class.</summary>
public sealed class DemoBotFixture : IAsyncLifetime
{
    public LocalConnector Connector { get; private set; } = null!;

    public BotApp Bot { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await LocalConnector.StartAsync();
        Bot = BotApp.Demo();
        Client = Bot.CreateBotClient();
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => Client.PostAsJsonAsync("/api/messages", activity);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
