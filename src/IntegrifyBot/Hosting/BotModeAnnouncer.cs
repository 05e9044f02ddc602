using IntegrifyBot.Settings;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

/// <summary>Says loudly at start when inbound requests are not authenticated, so nobody runs that way by accident.</summary>
internal sealed partial class BotModeAnnouncer(
    IOptions<BotOptions> bot,
    IOptions<BotIdentityOptions> identity,
    ILogger<BotModeAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (identity.Value.HasAppId)
        {
            LogAuthenticated(bot.Value.EffectiveMode, identity.Value.MicrosoftAppType ?? "?");
        }
        else
        {
            LogUnauthenticated(bot.Value.EffectiveMode);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Running in {Mode} mode; inbound Bot Framework tokens are checked ({AppType})")]
    private partial void LogAuthenticated(BotMode mode, string appType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "!!! {Mode} mode WITHOUT a Microsoft app id: inbound requests are NOT authenticated and replies go only to loopback addresses. Never expose this instance to a network. !!!")]
    private partial void LogUnauthenticated(BotMode mode);
}
