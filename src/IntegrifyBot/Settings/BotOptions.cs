using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Settings;

/// <summary>The "Bot" section of appsettings.json; every key is described in docs/configuration.md.</summary>
public sealed class BotOptions : IValidatableObject
{
    public const string Section = "Bot";

    /// <summary>Production unless set; Development when unset under ASPNETCORE_ENVIRONMENT=Development.</summary>
    public BotMode? Mode { get; set; }

    /// <summary>Teams tenant (directory) ids allowed to use the bot; empty allows every tenant.</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>The largest activity accepted on /api/messages; Teams' own messages are far smaller.</summary>
    [Range(4 * 1024, 4 * 1024 * 1024, ErrorMessage = "Bot:MaxRequestBodyBytes must be between 4096 and 4194304 (4 KB to 4 MB).")]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a card button (Action.Execute) may take: Teams gives up on an invoke after about five seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:00:14", ErrorMessage = "Bot:InvokeTimeout must be between half a second and 14 seconds.")]
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(4.5);

    /// <summary>How long a message turn may take before the user gets a "try again" card.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Bot:MessageTimeout must be between one second and one minute.")]
    public TimeSpan MessageTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Where the bot keeps its files (the SQLite database by default); relative to the working folder.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Bot:DataFolder must be set: the folder where the bot keeps its files.")]
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// The bot's public https address, as Teams and browsers reach it (https://integrifybot.contoso.com):
    /// the sign-in page is served there. Demo and development use the address the bot listens on.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The mode after defaults are applied; see <see cref="BotModeDefaults"/>.</summary>
    public BotMode EffectiveMode => Mode ?? BotMode.Production;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl is { } url && (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))))
        {
            yield return new ValidationResult("Bot:PublicUrl must be the bot's https address, such as https://integrifybot.contoso.com (plain http only on this machine).", [nameof(PublicUrl)]);
        }
    }
}
