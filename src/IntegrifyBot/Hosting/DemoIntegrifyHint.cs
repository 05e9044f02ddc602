using IntegrifyBot.Integrify;
using IntegrifyBot.Settings;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Someone trying the bot in demo or development mode without an Integrify is told where the demo's
/// comes from, after the missing setting itself is named.
/// </summary>
internal sealed class DemoIntegrifyHint(IOptions<BotOptions> bot) : IValidateOptions<IntegrifyOptions>
{
    public const string Hint = "To try the bot without an Integrify of your own, run ./run.sh: it starts the Integrify simulator with demo data and points the bot at it.";

    public ValidateOptionsResult Validate(string? name, IntegrifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.BaseUrl is null && bot.Value.EffectiveMode != BotMode.Production
            ? ValidateOptionsResult.Fail(Hint)
            : ValidateOptionsResult.Success;
    }
}
