using IntegrifyBot.Integrify;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

public static class IntegrifyHostExtensions
{
    /// <summary>
    /// The Integrify client, pointed at the configured instance in every mode, its settings checked at
    /// start. The demo's Integrify is the simulator, a process of its own that <c>./run.sh</c> starts.
    /// </summary>
    public static WebApplicationBuilder AddIntegrify(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddIntegrifyClient(builder.Configuration);
        builder.Services.AddSingleton<IValidateOptions<IntegrifyOptions>, DemoIntegrifyHint>();
        builder.Services.AddHealthChecks().AddCheck<IntegrifyLoadHealthCheck>("integrify", tags: [BotHealth.ReadyTag]);
        return builder;
    }
}
