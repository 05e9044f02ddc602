using Integrify.Simulator;
using IntegrifyBot.Integrify;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

/// <summary>
/// The Integrify simulator inside the bot, for demo and development runs without a configured
/// Integrify: started and stopped with the bot, and the address the client uses.
/// </summary>
internal sealed partial class EmbeddedIntegrify(ILogger<EmbeddedIntegrify> logger) : IHostedService, IPostConfigureOptions<IntegrifyOptions>, IAsyncDisposable
{
    /// <summary>The name of the options checked at start in place of the client's, which need the running simulator.</summary>
    public const string CheckedAtStart = "checked-at-start";

    /// <summary>The demo tenant's organisation key, so that demo users can be linked without typing.</summary>
    private const string DemoOrganizationKey = "demo-org-key";

    private SimulatorHost? simulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions(), cancellationToken);
        LogStarted(simulator.BaseAddress, simulator.Options.Tenant);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public void PostConfigure(string? name, IntegrifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == CheckedAtStart)
        {
            return;
        }

        var running = simulator ?? throw new InvalidOperationException("The built-in Integrify simulator is used before the bot has started.");
        options.BaseUrl = running.BaseAddress;
        options.Tenant = running.Options.Tenant;
        options.OrganizationKey ??= DemoOrganizationKey;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref simulator, null) is { } running)
        {
            await running.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Integrify is configured: using the built-in Integrify simulator at {BaseAddress} (tenant {Tenant}, demo data only)")]
    private partial void LogStarted(Uri baseAddress, string tenant);
}
