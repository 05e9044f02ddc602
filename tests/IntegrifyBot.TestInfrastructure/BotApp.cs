using Integrify.Simulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The real bot (its Program, the Bot Framework adapter, every feature) on Kestrel at a free port on
/// 127.0.0.1, with settings layered over appsettings.json as an operator would set them.
/// </summary>
public sealed class BotApp : WebApplicationFactory<IntegrifyBot.Settings.BotOptions>
{
    private readonly string environment;
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private SimulatorHost? simulator;

    private BotApp(string environment, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        this.environment = environment;
        this.settings = settings;
        this.services = services;
        UseKestrel(0);
    }

    /// <summary>Demo mode: no Microsoft app id, replies only to loopback connectors.</summary>
    /// <param name="services">Replaces services after the bot registered its own (a test clock, a log recorder).</param>
    public static BotApp Demo(IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null) =>
        Start("Production", WithDefaults(new() { ["Bot:Mode"] = "Demo" }, extra), services);

    /// <summary>
    /// Demo mode as <c>./run.sh</c> composes it: an Integrify simulator of its own (in this process, over
    /// HTTP, started first and stopped last) with the demo's settings pointing at it, under <paramref name="extra"/>.
    /// </summary>
    /// <param name="simulatorOptions">The simulator's options; its demo tenant with nothing else by default.</param>
    public static async Task<BotApp> DemoWithSimulatorAsync(
        IDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? services = null,
        SimulatorOptions? simulatorOptions = null,
        TimeProvider? simulatorClock = null)
    {
        var simulator = await SimulatorHost.StartAsync(simulatorOptions ?? new SimulatorOptions(), simulatorClock ?? TimeProvider.System);
        try
        {
            var settings = new Dictionary<string, string?>(IntegrifySettings(simulator));
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            var app = Demo(settings, services);
            app.simulator = simulator;
            return app;
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The settings <c>./run.sh</c> gives the demo bot for the simulator it starts: its address, tenant and organisation key.</summary>
    public static IReadOnlyDictionary<string, string?> IntegrifySettings(SimulatorHost simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return new Dictionary<string, string?>
        {
            ["Integrify:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify:Tenant"] = simulator.Options.Tenant,
            ["Integrify:OrganizationKey"] = "demo-org-key",
        };
    }

    /// <summary>The simulator of <see cref="DemoWithSimulatorAsync"/>.</summary>
    public SimulatorHost Simulator => simulator ?? throw new InvalidOperationException("This bot was given an Integrify of the test's own.");

    /// <summary>The (made-up) Microsoft app id of the bot in production mode.</summary>
    public const string ProductionAppId = "6f1f9f6e-2f55-4c3f-9d1a-2f0c0d7b1a11";

    /// <summary>Production mode with a (made-up) single-tenant identity: every inbound token is checked.</summary>
    /// <param name="services">Replaces services after the bot registered its own (a log recorder, <see cref="RepliesWithoutToken"/>).</param>
    public static BotApp Production(IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null) =>
        Start("Production", WithDefaults(
            // Production keeps the key ring encrypted: with the test run's certificate here.
            new(TestCertificate.Shared.Settings())
            {
                ["MicrosoftAppId"] = ProductionAppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppTenantId"] = "0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5",
                ["Integrify:BaseUrl"] = "https://acme.integrify.com",
                ["Integrify:Tenant"] = "acme",
            },
            extra),
            services);

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient CreateBotClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Interlocked.Exchange(ref simulator, null) is { } running)
        {
            await running.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(environment);

        // These override appsettings.json. They reach the bot when its host is built, after Program has
        // registered its services: settings read while registering (telemetry) are tested on the
        // published bot instead.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    private static BotApp Start(string environment, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var app = new BotApp(environment, settings, services);
        app.StartServer();
        app.BaseAddress = app.ClientOptions.BaseAddress;
        return app;
    }

    private static Dictionary<string, string?> WithDefaults(Dictionary<string, string?> settings, IDictionary<string, string?>? extra)
    {
        // Each bot under test gets its own data folder, plain console logs and patient time budgets
        // (a test about a budget sets it in extra).
        var all = TestBudgets.PatientUnder(settings);
        all["Bot:DataFolder"] = Path.Combine(Path.GetTempPath(), "integrifybot-tests", Guid.NewGuid().ToString("N"));
        all["Logging:Console:FormatterName"] = "simple";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}
