using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Routing;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// Who a Teams user is in Integrify. The router asks <see cref="FindOrLinkAsync"/> before every route that
/// acts in Integrify as the user: it answers with the user's key when they are linked, links them on the
/// spot when the organisation allows zero-touch linking, and otherwise says nobody, and the router
/// answers with the link card.
/// </summary>
public sealed partial class LinkedAccounts(
    IIntegrifyTokenStore store,
    TurnCredentials turnCredentials,
    IntegrifySignIn signIn,
    IOptions<LinkingOptions> linking,
    IOptions<IntegrifyOptions> integrify,
    ILogger<LinkedAccounts> logger) : ILinkedUsers
{
    /// <summary>The key of the turn's sender in the token store (see <see cref="IntegrifyUsers"/>).</summary>
    public static IntegrifyUser UserOf(BotRequest turn) => IntegrifyUsers.Of(turn);

    public Task<IntegrifyCredential?> FindAsync(BotRequest turn, CancellationToken cancellationToken) =>
        store.FindAsync(UserOf(turn), cancellationToken);

    /// <remarks>The credential found (or made) is remembered for the turn's Integrify calls, when the turn started its <see cref="TurnCredentials"/>.</remarks>
    public async Task<IntegrifyUser?> FindOrLinkAsync(BotRequest turn, CancellationToken cancellationToken)
    {
        var user = UserOf(turn);
        if ((await store.FindAsync(user, cancellationToken) ?? await TryZeroTouchAsync(turn, user, cancellationToken)) is not { } credential)
        {
            return null;
        }

        turnCredentials.Remember(user, credential);
        return user;
    }

    /// <summary>Whether zero-touch linking is on and has its organisation key.</summary>
    public bool ZeroTouchAvailable =>
        linking.Value.ZeroTouch.Enabled == true && !string.IsNullOrEmpty(integrify.Value.OrganizationKey);

    /// <summary>
    /// Links the user with the organisation key, named by their Teams email or UPN; null when
    /// zero-touch linking is off, the profile does not qualify, or Integrify knows no such user.
    /// </summary>
    public async Task<IntegrifyCredential?> TryZeroTouchAsync(BotRequest turn, IntegrifyUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!ZeroTouchAvailable)
        {
            return null;
        }

        var userName = ZeroTouchUserName.From(await turn.LookUpSender(cancellationToken), linking.Value.ZeroTouch);
        if (userName is null)
        {
            LogNoZeroTouchName();
            return null;
        }

        try
        {
            var credential = await signIn.WithOrganizationKeyAsync(user, userName, cancellationToken);
            LogZeroTouchLinked();
            return credential;
        }
        catch (IntegrifyException exception) when (exception is IntegrifyNotFoundException or IntegrifyBadRequestException or IntegrifyForbiddenException or IntegrifyLinkExpiredException)
        {
            // Integrify has no such user (or refuses the key for them): the person links by hand.
            LogZeroTouchRefused((int?)exception.Status);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked a Teams user to Integrify with the organisation key (zero-touch)")]
    private partial void LogZeroTouchLinked();

    [LoggerMessage(Level = LogLevel.Information, Message = "Zero-touch linking skipped: the Teams profile has no address in an allowed domain")]
    private partial void LogNoZeroTouchName();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zero-touch linking refused by Integrify (status {Status}); the user must link by hand")]
    private partial void LogZeroTouchRefused(int? status);
}
