using IntegrifyBot.Settings;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// Demo mode links the emulator's people without typing: zero-touch linking is on unless set, and
/// limited to the emulator's example.com accounts. Everywhere else it stays off unless configured,
/// and when it is on, it must say which domains it trusts.
/// </summary>
internal sealed class LinkingOptionsSetup(IOptions<BotOptions> bot) : IPostConfigureOptions<LinkingOptions>, IValidateOptions<LinkingOptions>
{
    /// <summary>The domain of the Teams emulator's made-up users (alexw@example.com and so on).</summary>
    public const string DemoDomain = "example.com";

    public void PostConfigure(string? name, LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var demo = bot.Value.EffectiveMode == BotMode.Demo;
        options.ZeroTouch.Enabled ??= demo;
        if (demo && options.ZeroTouch.AllowedDomains.Count == 0)
        {
            options.ZeroTouch.AllowedDomains.Add(DemoDomain);
        }
    }

    public ValidateOptionsResult Validate(string? name, LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ZeroTouch.Enabled == true && options.ZeroTouch.AllowedDomains.All(string.IsNullOrWhiteSpace))
        {
            return ValidateOptionsResult.Fail(
                "Linking:ZeroTouch:AllowedDomains is empty: zero-touch linking needs the email domains it may link, such as contoso.com, " +
                "so that a guest from another company is never linked to an Integrify account that shares their name.");
        }

        return ValidateOptionsResult.Success;
    }
}
