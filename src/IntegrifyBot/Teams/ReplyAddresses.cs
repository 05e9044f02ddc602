using IntegrifyBot.Settings;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Teams;

/// <summary>
/// Which service URLs the bot may send to. With an app id the Bot Framework proves where an activity
/// came from (its token names the service URL). Without one (demo and development) nothing does, so the
/// bot sends only to a service URL on this machine: it cannot be made to carry a user's tasks, or its
/// member look-ups, to another host. The gate, the recorder of personal chats and the proactive sender
/// all ask here, so an address one of them refuses is never stored or used by another.
/// </summary>
internal sealed class ReplyAddresses(IOptions<BotIdentityOptions> identity)
{
    /// <returns>Why the bot must not send to <paramref name="serviceUrl"/>, in one line, or null when it may.</returns>
    public string? Refusal(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity has no valid serviceUrl.";
        }

        return !identity.Value.HasAppId && !address.IsLoopback
            ? "Without a Microsoft app id the bot sends only to a serviceUrl on this machine."
            : null;
    }
}
