using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// A demo-mode bot and the local connector it replies to, shared by one test class, with the bot's
/// log lines and every request its HTTP clients make recorded.
/// </summary>
public sealed class DemoBotFixture : IAsyncLifetime
{
    public LocalConnector Connector { get; private set; } = null!;

    public BotApp Bot { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public RecordedLogs Logs { get; } = new();

    public OutboundCalls Outbound { get; } = new();

    public async Task InitializeAsync()
    {
        Connector = await LocalConnector.StartAsync();
        Bot = await BotApp.DemoWithSimulatorAsync(services: services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            Outbound.Watch(services);
        });
        Client = Bot.CreateBotClient();
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => Client.PostAsJsonAsync("/api/messages", activity);

    /// <summary>Posts a body exactly as given, for JSON that a JsonObject cannot hold (a property twice, say).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await Client.PostAsync("/api/messages", content);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
