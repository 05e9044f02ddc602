using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.FunctionalTests.Hosting;

/// <summary>A demo bot with no Integrify configured talks to the simulator it starts inside itself.</summary>
public sealed class EmbeddedIntegrifyTests
{
    [Fact]
    public async Task A_demo_bot_without_integrify_settings_uses_its_built_in_simulator()
    {
        await using var bot = BotApp.Demo();
        Assert.Contains(bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), service => service is IntegrifyBot.Hosting.EmbeddedIntegrify);
        var options = bot.Services.GetRequiredService<IOptions<IntegrifyOptions>>().Value;
        var alex = new IntegrifyUser("tenant-1", "aad-alex");

        await bot.Services.GetRequiredService<IntegrifySignIn>().WithOrganizationKeyAsync(alex, "alexw", CancellationToken.None);
        var tasks = await bot.Services.GetRequiredService<IIntegrifyTasksApi>().ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None);

        Assert.True(options.BaseUrl!.IsLoopback);
        Assert.Equal("demo", options.Tenant);
        Assert.Equal(12, tasks.Total);
    }

    [Fact]
    public async Task A_demo_bot_with_integrify_settings_uses_them_and_starts_no_simulator()
    {
        await using var bot = BotApp.Demo(new Dictionary<string, string?> { ["Integrify:BaseUrl"] = "https://acme.integrify.com", ["Integrify:Tenant"] = "acme" });

        var options = bot.Services.GetRequiredService<IOptions<IntegrifyOptions>>().Value;

        Assert.Equal(new Uri("https://acme.integrify.com"), options.BaseUrl);
        Assert.DoesNotContain(bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), service => service is IntegrifyBot.Hosting.EmbeddedIntegrify);
    }
}
