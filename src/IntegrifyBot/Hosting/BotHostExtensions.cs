using IntegrifyBot.Settings;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

public static class BotHostExtensions
{
    /// <summary>Options (validated at start), health checks and telemetry: what every bot instance needs.</summary>
    public static WebApplicationBuilder AddBotHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<BotOptions>()
            .Bind(builder.Configuration.GetSection(BotOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<BotOptions>, BotModeDefaults>();
        services.AddSingleton<IPostConfigureOptions<StorageOptions>, KeyRingProtectionDefaults>();

        services.AddOptions<BotIdentityOptions>()
            .Bind(builder.Configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotIdentityOptions>, BotIdentityValidator>();

        services.AddHealthChecks()
            .AddCheck<ConfigurationHealthCheck>("configuration", tags: [BotHealth.ReadyTag])
            .AddCheck<DataFolderHealthCheck>("data-folder", tags: [BotHealth.ReadyTag])
            .AddCheck<DatabaseHealthCheck>("database", tags: [BotHealth.ReadyTag]);
        services.AddHostedService<BotModeAnnouncer>();
        services.AddSingleton<BotPublicAddress>();
        services.AddHttpClientsThatNeverRedirect();
        services.AddProblemDetails();

        builder.AddBotTelemetry();
        return builder;
    }
}
