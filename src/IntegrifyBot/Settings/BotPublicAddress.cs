using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Settings;

/// <summary>
/// Where people's browsers reach the bot, for links to its own pages: Bot:PublicUrl, or, in demo and
/// development mode, the address it listens on. Production without Bot:PublicUrl has none, and the
/// bot then offers nothing that needs a page.
/// </summary>
public sealed class BotPublicAddress(IOptions<BotOptions> options, IServer server)
{
    public Uri? Current
    {
        get
        {
            var settings = options.Value;
            if (settings.PublicUrl is not null)
            {
                return settings.PublicUrl;
            }

            return settings.EffectiveMode == BotMode.Production ? null : Listening();
        }
    }

    private Uri? Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        // A wildcard listener is reached through this machine's own name for itself.
        var builder = new UriBuilder(uri) { Path = "/" };
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri;
    }
}
