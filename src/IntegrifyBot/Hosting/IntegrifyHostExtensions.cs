using IntegrifyBot.Integrify;
using IntegrifyBot.Settings;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

public static class IntegrifyHostExtensions
{
    /// <summary>
    /// The Integrify client, pointed at the configured instance. In demo and development mode without
    /// a configured instance, the bot starts the Integrify simulator inside its own process (on a free
    /// loopback port, with its demo tenant) and uses that. Production always needs Integrify:BaseUrl.
    /// </summary>
    public static WebApplicationBuilder AddIntegrify(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = !string.IsNullOrWhiteSpace(builder.Configuration[$"{IntegrifyOptions.Section}:{nameof(IntegrifyOptions.BaseUrl)}"]);
        if (configured || ModeOf(builder) == BotMode.Production)
        {
            builder.Services.AddIntegrifyClient(builder.Configuration, validateOnStart: true);
            return builder;
        }

        // The simulator starts with the bot's hosted services, after options are validated at start,
        // so its address is filled in when the client's options are first read, on the first call.
        builder.Services.AddSingleton<EmbeddedIntegrify>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<EmbeddedIntegrify>());
        builder.Services.AddSingleton<IPostConfigureOptions<IntegrifyOptions>>(provider => provider.GetRequiredService<EmbeddedIntegrify>());
        builder.Services.AddIntegrifyClient(builder.Configuration, validateOnStart: false);

        // The rest of the section is checked at start all the same, on a copy with a stand-in address,
        // so that a bad value stops the start instead of the first call to Integrify.
        builder.Services.AddOptions<IntegrifyOptions>(EmbeddedIntegrify.CheckedAtStart)
            .Bind(builder.Configuration.GetSection(IntegrifyOptions.Section))
            .Configure(options =>
            {
                options.BaseUrl = new Uri("http://127.0.0.1/");
                options.Tenant = nameof(EmbeddedIntegrify);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    // Needed here before the options exist; the default comes from the same rule the options use.
    private static BotMode ModeOf(WebApplicationBuilder builder) =>
        Enum.TryParse<BotMode>(builder.Configuration[$"{BotOptions.Section}:{nameof(BotOptions.Mode)}"], ignoreCase: true, out var mode)
            ? mode
            : BotModeDefaults.For(builder.Environment);
}
