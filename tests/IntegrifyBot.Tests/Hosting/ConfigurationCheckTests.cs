using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using IntegrifyBot.Hosting;
using IntegrifyBot.Settings;
using IntegrifyBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Tests.Hosting;

/// <summary>
/// The check of every setting before the bot starts, on configurations built in memory: each value
/// that cannot be read is named by its key, with what it must be, and is never repeated.
/// </summary>
public sealed class ConfigurationCheckTests
{
    /// <summary>Every key of every checked options type whose value is converted from text, with a value it cannot take.</summary>
    public static TheoryData<string, string> UnreadableValues()
    {
        // The console's formatters share some keys: each key once.
        var data = new TheoryData<string, string>();
        var keys = ConfigurationCheck.BoundSections.SelectMany(bound => ConvertedKeys(bound.Section, bound.Options)).DistinctBy(key => key.Key);
        foreach (var (key, type) in keys)
        {
            data.Add(key, type == typeof(Uri) ? "https://[bot" : "not-a-value!");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnreadableValues))]
    public void Every_value_the_binder_cannot_convert_is_named_with_what_it_must_be_and_not_repeated(string key, string value)
    {
        var problems = ConfigurationCheck.Problems(Settings((key, value)));

        var problem = Assert.Single(problems);
        Assert.StartsWith($"{key} must be ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(value, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_is_answered_with_the_names_allowed()
    {
        var problems = ConfigurationCheck.Problems(Settings(("Bot:Mode", "Demoo"), ("Linking:ZeroTouch:UserNameFrom", "Nickname")));

        Assert.Equal(
            ["Bot:Mode must be one of Production, Development, Demo.", "Linking:ZeroTouch:UserNameFrom must be one of EmailLocalPart, Email, UpnLocalPart, Upn."],
            problems);
    }

    [Fact]
    public void A_number_that_does_not_fit_is_answered_with_the_options_own_range()
    {
        var problem = Assert.Single(ConfigurationCheck.Problems(Settings(("Bot:MaxRequestBodyBytes", "99999999999"))));

        Assert.Equal("Bot:MaxRequestBodyBytes must be a whole number between 4096 and 4194304.", problem);
    }

    [Theory]
    [InlineData("Logging:LogLevel:Default")]
    [InlineData("Logging:LogLevel:Microsoft.AspNetCore")]
    [InlineData("Logging:Console:LogLevel:Default")]
    public void A_log_level_asp_net_core_does_not_know_is_named(string key)
    {
        var problem = Assert.Single(ConfigurationCheck.Problems(Settings((key, "Verbose"))));

        Assert.Equal($"{key} must be one of Trace, Debug, Information, Warning, Error, Critical, None.", problem);
    }

    [Theory]
    [InlineData("Urls", "bot.contoso.com", "Urls must be")]
    [InlineData("Urls", "http://127.0.0.1:8080;http://127.0.0.1:99999", "Urls must be")]
    [InlineData("HTTP_PORTS", "eighty", "HTTP_PORTS must be")]
    [InlineData("Telemetry:OtlpEndpoint", "traces.contoso.com", "Telemetry:OtlpEndpoint must be")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "grpc://otel-collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT must be")]
    public void An_address_that_cannot_be_used_is_named(string key, string value, string start)
    {
        var problem = Assert.Single(ConfigurationCheck.Problems(Settings((key, value))));

        Assert.StartsWith(start, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(value, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_appsettings_json_and_good_values_of_every_kind_are_readable()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repository.Root, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:Mode"] = "demo",
                ["Bot:MaxRequestBodyBytes"] = "65536",
                ["Bot:PublicUrl"] = "https://integrifybot.contoso.com",
                ["Linking:ZeroTouch:Enabled"] = "",
                ["Notifications:PollInterval"] = "1.00:00:00",
                ["ValidateAuthority"] = "False",
                ["Logging:LogLevel:Default"] = "warning",
                ["Urls"] = "http://+:8080; https://localhost:8443",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://otel-collector:4318",
            })
            .Build();

        Assert.Empty(ConfigurationCheck.Problems(configuration));
    }

    [Fact]
    public async Task Readiness_names_a_setting_that_cannot_be_read_after_a_reload_instead_of_throwing()
    {
        var configuration = Settings(("Bot:Mode", "Demoo"));
        var services = new ServiceCollection();
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section));
        services.AddOptions<BotIdentityOptions>().Bind(configuration);
        await using var provider = services.BuildServiceProvider();
        var check = new ConfigurationHealthCheck(configuration, provider.GetRequiredService<IOptionsMonitor<BotOptions>>(), provider.GetRequiredService<IOptionsMonitor<BotIdentityOptions>>());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Bot:Mode must be one of Production, Development, Demo.", result.Description);
    }

    [Fact]
    public void Every_range_and_required_rule_of_the_options_names_its_key()
    {
        var rules = ConfigurationCheck.BoundSections
            .Where(bound => bound.Options.Namespace!.StartsWith("IntegrifyBot", StringComparison.Ordinal))
            .SelectMany(bound => bound.Options.GetProperties().SelectMany(property => property.GetCustomAttributes<ValidationAttribute>()
                .Select(rule => (Key: $"{bound.Section}:{property.Name}", Message: rule.ErrorMessage ?? string.Empty))))
            .ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.StartsWith(rule.Key + " ", rule.Message, StringComparison.Ordinal));
    }

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

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value))).Build();

    // The keys whose values are converted from text, nested options included; lists hold only text.
    private static IEnumerable<(string Key, Type Type)> ConvertedKeys(string section, Type options)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.GetIndexParameters().Length == 0))
        {
            var key = section.Length == 0 ? property.Name : $"{section}:{property.Name}";
            var type = property.PropertyType;
            if (type == typeof(string))
            {
                continue;
            }

            if (TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)))
            {
                yield return (key, type);
            }
            else if (type.Namespace!.StartsWith("IntegrifyBot", StringComparison.Ordinal))
            {
                foreach (var nested in ConvertedKeys(key, type))
                {
                    yield return nested;
                }
            }
        }
    }
}
