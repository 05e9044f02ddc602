using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Settings;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// Addresses of the sign-in page, one per link card: each carries a fresh state bound to the Teams
/// user who asked, and the page's result comes back to the bot only from that same user.
/// </summary>
public sealed class SignInPages(SignInStates states, BotPublicAddress address, IOptions<LinkingOptions> options)
{
    /// <summary>
    /// The page's path; the state travels in the query (<see cref="StateParameter"/>), never in the
    /// path, which the host writes into every log line's scope and every trace.
    /// </summary>
    public const string Path = "/link";

    public const string StateParameter = "state";

    /// <summary>
    /// Sign-ins a Teams user may have open at once; a new page address replaces the oldest. More
    /// than one, since a person may be signing in on one page while another card arrives.
    /// </summary>
    public const int OpenPerUser = 3;

    /// <summary>A new page address for the user, or null when the bot has no public address.</summary>
    public async Task<Uri?> IssueAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        if (address.Current is not { } root)
        {
            return null;
        }

        var state = await states.IssueAsync(user, options.Value.SignInLifetime, OpenPerUser, cancellationToken);
        return new Uri(root, AddressOf(state));
    }

    /// <summary>The page's address for a state, relative to the bot's root.</summary>
    public static string AddressOf(string state) => $"{Path}?{StateParameter}={Uri.EscapeDataString(state)}";

    public Task<IntegrifyCredential?> RedeemAsync(IntegrifyUser user, string code, CancellationToken cancellationToken) =>
        states.RedeemAsync(user, code, cancellationToken);
}
