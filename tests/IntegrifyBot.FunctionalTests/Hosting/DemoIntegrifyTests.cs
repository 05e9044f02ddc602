using Integrify.Simulator;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.FunctionalTests.Hosting;

/// <summary>
/// The demo's Integrify is the simulator running beside the bot, never inside it: a demo bot talks to
/// the Integrify its settings name, like any other.
/// </summary>
public sealed class DemoIntegrifyTests
{
    [Fact]
    public async Task A_demo_bot_talks_to_the_simulator_its_settings_point_at()
    {
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        var options = bot.Services.GetRequiredService<IOptions<IntegrifyOptions>>().Value;
        var alex = new IntegrifyUser("tenant-1", "aad-alex");

        await bot.Services.GetRequiredService<IntegrifySignIn>().WithOrganizationKeyAsync(alex, "alexw", CancellationToken.None);
        var tasks = await bot.Services.GetRequiredService<IIntegrifyTasksApi>().ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None);

        Assert.Equal(bot.Simulator.BaseAddress, options.BaseUrl);
        Assert.Equal("demo", options.Tenant);
        Assert.Equal(12, tasks.Total);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A4"));
    }

    [Fact]
    public async Task A_demo_bot_with_integrify_settings_uses_them()
    {
        await using var bot = BotApp.Demo(new Dictionary<string, string?> { ["Integrify:BaseUrl"] = "https://acme.integrify.com", ["Integrify:Tenant"] = "acme" });

        var options = bot.Services.GetRequiredService<IOptions<IntegrifyOptions>>().Value;

        Assert.Equal(new Uri("https://acme.integrify.com"), options.BaseUrl);
        Assert.Equal("acme", options.Tenant);
    }

    [Fact]
    public void The_bot_does_not_reference_the_simulator()
    {
        var referenced = typeof(IntegrifyBot.Settings.BotOptions).Assembly.GetReferencedAssemblies().Select(name => name.Name);

        Assert.DoesNotContain(typeof(SimulatorHost).Assembly.GetName().Name, referenced);
    }
}
