using IntegrifyBot.Settings;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Production refuses to start with the Data Protection key ring in clear in the database (unless
/// the operator says Storage:AllowUnprotectedKeyRing=true); demo and development allow it, with a
/// warning. The storage options learn the mode here, once it is settled.
/// </summary>
internal sealed class KeyRingProtectionDefaults(IOptions<BotOptions> bot) : IPostConfigureOptions<StorageOptions>
{
    public void PostConfigure(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.KeyRingProtectionRequired = bot.Value.EffectiveMode == BotMode.Production;
    }
}
