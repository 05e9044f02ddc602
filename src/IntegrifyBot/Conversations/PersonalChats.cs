using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Routing;
using IntegrifyBot.Storage;

namespace IntegrifyBot.Conversations;

/// <summary>
/// Where each linked user is notified: their personal chat with the bot, as Teams last showed it.
/// The Teams edge reports every turn here, after the turn. Only personal chats are kept (tasks are
/// private), and only of linked users (nobody else can be notified), so that signing out leaves
/// nothing behind and people who never link leave nothing at all.
/// </summary>
public sealed class PersonalChats(IIntegrifyTokenStore credentials, TurnCredentials turnCredentials, ConversationAddresses addresses, NotificationPreferences preferences)
{
    /// <summary>As long as the settings keep; Teams' IANA names are far shorter.</summary>
    private const int LongestTimeZone = 100;

    /// <summary>As long as the settings keep; Teams' locales ("en-US") are far shorter.</summary>
    private const int LongestLocale = 20;

    /// <summary>
    /// Records the chat the turn came from (an unchanged address costs a read, no write), and the
    /// time zone and locale the user's Teams client reports, in which notifications show dates. Whether
    /// the user is linked is what the turn already read, when it acted as them.
    /// </summary>
    /// <param name="serviceUrl">Where Teams takes the bot's messages for this conversation now.</param>
    /// <param name="botId">The bot's id in the conversation, which its messages are sent from.</param>
    public async Task NoteAsync(BotRequest turn, string serviceUrl, string botId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Conversation.Kind != ConversationKind.Personal || string.IsNullOrEmpty(turn.Conversation.Id))
        {
            return;
        }

        var user = IntegrifyUsers.Of(turn);
        if (turnCredentials.Find(user) is null && await credentials.FindAsync(user, cancellationToken) is null)
        {
            return;
        }

        await addresses.SaveAsync(new ConversationAddress(user, turn.Conversation.Id, serviceUrl, botId), cancellationToken);
        var zone = ReportedZone(turn);
        var locale = turn.Locale is { Length: > 0 and <= LongestLocale } spoken ? spoken : null;
        var known = await preferences.GetAsync(user, cancellationToken);
        if ((zone is not null && known.TimeZone != zone) || (locale is not null && known.Locale != locale))
        {
            await preferences.UpdateAsync(
                user,
                settings =>
                {
                    settings.TimeZone = zone ?? settings.TimeZone;
                    settings.Locale = locale ?? settings.Locale;
                },
                cancellationToken);
        }
    }

    /// <summary>The time zone the turn's Teams client reports, when it is one the settings can keep.</summary>
    public static string? ReportedZone(BotRequest turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.TimeZone is { Length: > 0 and <= LongestTimeZone } zone ? zone : null;
    }

    /// <summary>The app was removed from the user's personal scope: nothing more is sent there.</summary>
    public Task ForgetAsync(BotRequest turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Conversation.Kind == ConversationKind.Personal
            ? addresses.RetireAsync(IntegrifyUsers.Of(turn), turn.Conversation.Id, cancellationToken)
            : Task.CompletedTask;
    }
}
