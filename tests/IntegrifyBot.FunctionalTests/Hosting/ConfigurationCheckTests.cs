using IntegrifyBot.Hosting;
using IntegrifyBot.Settings;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.FunctionalTests.Hosting;

/// <summary>
/// The check of every setting before the bot starts, against the options the real bot registers
/// (the rest, on configurations built in memory, is in the unit tier).
/// </summary>
public sealed class ConfigurationCheckTests
{
    [Fact]
    public async Task Every_options_type_the_bot_binds_from_configuration_is_checked()
    {
        var registered = new List<ServiceDescriptor>();
        await using (await BotApp.DemoWithSimulatorAsync(services: services => registered.AddRange(services)))
        {
        }

        var bound = registered
            .Where(service => service.ServiceType.IsGenericType && service.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Where(service => service.ImplementationInstance?.GetType() is { IsGenericType: true } instance
                && instance.GetGenericTypeDefinition() == typeof(NamedConfigureFromConfigurationOptions<>))
            .Select(service => service.ServiceType.GetGenericArguments()[0])
            .Where(options => options.Assembly.GetName().Name!.StartsWith("IntegrifyBot", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Contains(typeof(BotOptions), bound);
        Assert.Empty(bound.Except(ConfigurationCheck.BoundSections.Select(section => section.Options)));
    }
}
