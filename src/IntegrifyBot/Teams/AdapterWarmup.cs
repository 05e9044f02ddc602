using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace IntegrifyBot.Teams;

/// <summary>
/// Builds the adapter while the bot starts (after the options are validated), so that a
/// configuration the Bot Framework SDK rejects stops the start instead of failing the first request.
/// </summary>
internal sealed class AdapterWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IBotFrameworkHttpAdapter>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
