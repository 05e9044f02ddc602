using Microsoft.Extensions.Options;

namespace IntegrifyBot.Settings;

/// <summary>
/// Chooses the mode when configuration does not: Development under the Development environment,
/// Production everywhere else. Demo is never chosen here; only Bot:Mode=Demo selects it.
/// </summary>
internal sealed class BotModeDefaults(IHostEnvironment environment) : IPostConfigureOptions<BotOptions>
{
    public void PostConfigure(string? name, BotOptions options) => options.Mode ??= For(environment);

    /// <summary>The mode when Bot:Mode is not set.</summary>
    public static BotMode For(IHostEnvironment environment) =>
        environment.IsDevelopment() ? BotMode.Development : BotMode.Production;
}
