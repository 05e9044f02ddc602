using IntegrifyBot.Hosting;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// Addresses of the sign-in page, one per link card: each carries a fresh state bound to the Teams
/// user who asked, and the page's result comes back to the bot only from that same user.
/// </summary>
public sealed class SignInPages(SignInStates states, BotPublicAddress address, IOptions<LinkingOptions> options)
{
    public const string PathPrefix = "/link/";

    /// <summary>A new page address for the user, or null when the bot has no public address.</summary>
    public async Task<Uri?> IssueAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        if (address.Current is not { } root)
        {
            return null;
        }

        var state = await states.IssueAsync(user, options.Value.SignInLifetime, cancellationToken);
        return new Uri(root, PathPrefix + state);
    }

    public Task<IntegrifyCredential?> RedeemAsync(IntegrifyUser user, string code, CancellationToken cancellationToken) =>
        states.RedeemAsync(user, code, cancellationToken);
}
