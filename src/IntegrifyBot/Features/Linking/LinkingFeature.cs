using System.Text.RegularExpressions;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Routing;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// Linking a Teams user to their Integrify account, seeing the link and removing it; and the link
/// card for every turn of any feature that needs a link the user does not have.
/// </summary>
public sealed partial class LinkingFeature(
    LinkedAccounts accounts,
    SignInAttempts attempts,
    SignInThrottle throttle,
    SignInPages pages,
    IIntegrifyTokenStore store,
    IIntegrifyUserApi users,
    BotUserData userData,
    IOptions<IntegrifyOptions> integrify,
    ILogger<LinkingFeature> logger) : IBotFeature
{
    public static CommandDescriptor SignInCommand { get; } = new("sign in", "Link your Integrify account", "link", "login", "log in", "signin", "connect");

    public static CommandDescriptor SignOutCommand { get; } = new("sign out", "Unlink your Integrify account and delete what I keep", "unlink", "logout", "log out", "signout", "disconnect");

    public static CommandDescriptor StatusCommand { get; } = new("status", "Show which Integrify account you're linked to", "whoami", "who am i", "account");

    /// <summary>The sign-in page's magic code, typed into the chat.</summary>
    [GeneratedRegex("^[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex MagicCode();

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapCommand(SignInCommand, (request, token) => SignInAsync(request.Turn, token));
        routes.MapCommand(SignOutCommand, (request, token) => SignOutAsync(request.Turn, token));
        routes.MapLinkedCommand(StatusCommand, (request, user, token) => StatusAsync(request.Turn, user, token));

        // What was typed into these cards is a secret: a problem card must not offer it back.
        routes.MapVerb<PasswordLinkData>(LinkVerbs.Password, retryWithData: false, LinkWithPasswordAsync);
        routes.MapVerb<ApiKeyLinkData>(LinkVerbs.ApiKey, retryWithData: false, LinkWithApiKeyAsync);
        routes.MapVerb<PageLinkData>(LinkVerbs.Page, retryWithData: false, OpenPageAsync);

        routes.MapPattern(MagicCode(), (turn, match, token) => RedeemAsync(turn, match.Value, token));
        routes.MapSignInState(RedeemAsync);
        routes.MapSignInRequired((turn, reason, token) => LinkCardAsync(turn, reason == SignInReason.Expired ? LinkCards.Expired : LinkCards.NeedsLink, userName: null, token));
        routes.MapExtensionSignIn(ExtensionSignInAsync);
    }

    /// <summary>
    /// Teams' sign-in link for the message extension. Only the person who searched or opened the dialog
    /// sees it, whatever the conversation, so the page is offered everywhere; its code comes back with
    /// the repeated request (see <see cref="RedeemAsync"/>).
    /// </summary>
    private async Task<BotReply> ExtensionSignInAsync(BotRequest turn, CancellationToken cancellationToken) =>
        new ExtensionSignInReply(await pages.IssueAsync(LinkedAccounts.UserOf(turn), cancellationToken), LinkCards.SignInElsewhere);

    private string? Instance => integrify.Value.BaseUrl?.ToString().TrimEnd('/');

    private async Task<BotReply> SignInAsync(BotRequest turn, CancellationToken cancellationToken)
    {
        var user = LinkedAccounts.UserOf(turn);
        if (await store.FindAsync(user, cancellationToken) is { } existing)
        {
            return new CardReply(LinkCards.Linked(existing, Instance));
        }

        if (turn.Conversation.Kind == ConversationKind.Personal && await accounts.TryZeroTouchAsync(turn, user, cancellationToken) is { } linked)
        {
            return new CardReply(LinkCards.Linked(linked, Instance));
        }

        return await LinkCardAsync(turn, notice: null, userName: null, cancellationToken);
    }

    private async Task<BotReply> StatusAsync(BotRequest turn, IntegrifyUser user, CancellationToken cancellationToken)
    {
        // U1 proves the link works now, and gives the name Integrify knows the user by.
        var current = await users.GetCurrentUserAsync(user, cancellationToken);

        // Signed out in another chat meanwhile: answered as anyone without a link is.
        return await store.FindAsync(user, cancellationToken) is { } credential
            ? new CardReply(LinkCards.Status(credential, current, Instance, turn))
            : await LinkCardAsync(turn, LinkCards.NeedsLink, userName: null, cancellationToken);
    }

    private async Task<BotReply> SignOutAsync(BotRequest turn, CancellationToken cancellationToken)
    {
        var user = LinkedAccounts.UserOf(turn);
        var credential = await store.FindAsync(user, cancellationToken);
        if (credential is not null)
        {
            await LogOutOfIntegrifyAsync(user, cancellationToken);
        }

        await userData.EraseAsync(user, cancellationToken);
        LogSignedOut(credential is not null);
        var relinkAs = credential?.Method == LinkMethod.OrganizationKey && accounts.ZeroTouchAvailable ? credential.UserName : null;
        return new CardReply(LinkCards.SignedOut(credential is not null, relinkAs));
    }

    /// <summary>
    /// A5 ends the Integrify session, so the tokens are useless even if a copy exists somewhere. If
    /// Integrify cannot be reached or the session is already over, the user is signed out here anyway.
    /// </summary>
    private async Task LogOutOfIntegrifyAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        try
        {
            await users.LogoutAsync(user, integrify.Value.Tenant, cancellationToken);
        }
        catch (IntegrifyException exception)
        {
            LogLogoutFailed(exception);
        }
    }

    private async Task<BotReply> LinkWithPasswordAsync(BotRequest turn, PasswordLinkData data, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(data.UserName) || string.IsNullOrEmpty(data.Password))
        {
            return await LinkCardAsync(turn, LinkCards.Missing("Integrify username and password"), data.UserName, cancellationToken);
        }

        var user = LinkedAccounts.UserOf(turn);
        var attempt = await attempts.WithPasswordAsync(user, data.UserName, data.Password, cancellationToken);
        return await AnswerAsync(turn, user, attempt, "username and password", data.UserName, cancellationToken);
    }

    private async Task<BotReply> LinkWithApiKeyAsync(BotRequest turn, ApiKeyLinkData data, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(data.ApiKey))
        {
            return await LinkCardAsync(turn, LinkCards.Missing("personal API key"), userName: null, cancellationToken);
        }

        var user = LinkedAccounts.UserOf(turn);
        var attempt = await attempts.WithPersonalApiKeyAsync(user, data.ApiKey, cancellationToken);
        return await AnswerAsync(turn, user, attempt, "API key", userName: null, cancellationToken);
    }

    private async Task<BotReply> AnswerAsync(BotRequest turn, IntegrifyUser user, LinkAttempt attempt, string what, string? userName, CancellationToken cancellationToken)
    {
        switch (attempt)
        {
            case LinkAttempt.Accepted accepted:
                await store.SaveAsync(user, accepted.Credential, cancellationToken);
                LogLinked(accepted.Credential.Method);
                return new CardReply(LinkCards.Linked(accepted.Credential, Instance));
            case LinkAttempt.Refused refused:
                return await LinkCardAsync(turn, LinkCards.Refused(refused.Explanation, what), userName, cancellationToken);
            case LinkAttempt.Throttled throttled:
                return await LinkCardAsync(turn, LinkCards.Throttled(throttled.Until, turn), userName, cancellationToken);
            default:
                return await LinkCardAsync(turn, LinkCards.Unavailable, userName, cancellationToken);
        }
    }

    private async Task<BotReply> OpenPageAsync(BotRequest turn, PageLinkData data, CancellationToken cancellationToken)
    {
        var page = await pages.IssueAsync(LinkedAccounts.UserOf(turn), cancellationToken);
        return page is null
            ? await LinkCardAsync(turn, notice: null, userName: null, cancellationToken)
            : new CardReply(LinkCards.OpenPage(page));
    }

    /// <summary>The magic code, typed into the chat or handed over by Teams' sign-in popup.</summary>
    private async Task<BotReply> RedeemAsync(BotRequest turn, string code, CancellationToken cancellationToken)
    {
        var user = LinkedAccounts.UserOf(turn);

        // A code names no Integrify username: it counts against the Teams user only, and its
        // success proves nothing about earlier wrong codes, so it clears none of them.
        var attempt = await throttle.AttemptAsync(
            user,
            integrifyUserName: null,
            async token => await pages.RedeemAsync(user, code, token) is { } credential ? new LinkAttempt.Accepted(credential) : new LinkAttempt.Refused(Explanation: null),
            cancellationToken);

        // A wrong code has its own card; linking and a pause are answered as for a password or a key.
        return attempt is LinkAttempt.Refused
            ? new CardReply(LinkCards.CodeRefused())
            : await AnswerAsync(turn, user, attempt, "code", userName: null, cancellationToken);
    }

    private async Task<BotReply> LinkCardAsync(BotRequest turn, CardNotice? notice, string? userName, CancellationToken cancellationToken)
    {
        // Only the personal chat offers the page: its state is bound to whoever asked.
        var page = turn.Conversation.Kind == ConversationKind.Personal
            ? await pages.IssueAsync(LinkedAccounts.UserOf(turn), cancellationToken)
            : null;
        return new CardReply(LinkCards.Link(turn, page, notice, userName));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Teams user linked their Integrify account ({Method})")]
    private partial void LogLinked(LinkMethod method);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Teams user signed out (was linked: {WasLinked}); everything kept for them but their refused sign-ins was deleted")]
    private partial void LogSignedOut(bool wasLinked);

    [LoggerMessage(Level = LogLevel.Information, Message = "Logging out of Integrify failed; the user is signed out of the bot anyway")]
    private partial void LogLogoutFailed(Exception exception);
}
