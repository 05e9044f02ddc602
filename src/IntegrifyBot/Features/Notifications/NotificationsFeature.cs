using IntegrifyBot.Cards;
using IntegrifyBot.Conversations;
using IntegrifyBot.Features.Linking;
using IntegrifyBot.Notifications;
using IntegrifyBot.Routing;
using IntegrifyBot.Storage;

namespace IntegrifyBot.Features.Notifications;

/// <summary>
/// The user decides whether new tasks come to them as messages, and whether and when a daily digest
/// of due and overdue tasks does: <c>notifications</c> shows the settings with a switch and the
/// digest's hour; <c>notifications on</c>, <c>off</c> and <c>digest 8am</c> (or <c>digest off</c>)
/// change them. The settings are the user's own whichever chat they are changed from; the sender
/// reads them before each message.
/// </summary>
public sealed partial class NotificationsFeature(NotificationPreferences preferences, LinkedAccounts accounts, TimeProvider time, ILogger<NotificationsFeature> logger) : IBotFeature
{
    /// <summary>The word after <c>notifications</c> that sets the daily digest: <c>notifications digest 8am</c>.</summary>
    private const string DigestWord = "digest";

    public static CommandDescriptor NotificationsCommand { get; } = new("notifications", "New tasks as messages, and a daily digest", "notification", "notify")
    {
        Example = "notifications off",
    };

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapCommand(NotificationsCommand, AskedAsync);
        routes.MapVerb<SetNotificationsData>(NotificationVerbs.Set, retryWithData: true, (turn, data, token) => SetAsync(turn, data.Enabled == true, token));
        routes.MapVerb<SetDigestData>(NotificationVerbs.Digest, retryWithData: true, (turn, data, token) => DigestAsync(turn, data.DigestHour ?? string.Empty, token));
    }

    private Task<BotReply> AskedAsync(CommandRequest request, CancellationToken cancellationToken) => CommandText.Normalize(request.Arguments) switch
    {
        "on" => SetAsync(request.Turn, enabled: true, cancellationToken),
        "off" => SetAsync(request.Turn, enabled: false, cancellationToken),
        "" => ShowAsync(request.Turn, notice: null, cancellationToken),
        var words when words.StartsWith(DigestWord, StringComparison.Ordinal) => DigestAsync(request.Turn, words[DigestWord.Length..], cancellationToken),
        _ => ShowAsync(request.Turn, new CardNotice("Send **notifications on**, **notifications off** or **notifications digest 8am**.", IsProblem: true), cancellationToken),
    };

    private async Task<BotReply> ShowAsync(BotRequest turn, CardNotice? notice, CancellationToken cancellationToken)
    {
        var settings = await preferences.GetAsync(LinkedAccounts.UserOf(turn), cancellationToken);
        return new CardReply(NotificationCards.Settings(settings, await IsLinkedAsync(turn, cancellationToken), turn, notice));
    }

    private async Task<BotReply> SetAsync(BotRequest turn, bool enabled, CancellationToken cancellationToken)
    {
        await preferences.UpdateAsync(LinkedAccounts.UserOf(turn), settings => settings.Enabled = enabled, cancellationToken);
        LogChanged(enabled ? "on" : "off");
        var notice = enabled
            ? new CardNotice("Notifications are on: I'll message you about each new task.", IsProblem: false)
            : new CardNotice("Notifications are off: I won't message you about new tasks.", IsProblem: false);
        return await ShowAsync(turn, notice, cancellationToken);
    }

    /// <summary>
    /// Sets the digest's hour in the time zone the user's Teams reports now. An hour already past
    /// today starts tomorrow: a digest right after choosing it would repeat what they just saw.
    /// </summary>
    private async Task<BotReply> DigestAsync(BotRequest turn, string typed, CancellationToken cancellationToken)
    {
        if (!DigestHours.TryParse(typed, out var hour))
        {
            return await ShowAsync(turn, new CardNotice("Say the hour of your daily digest, such as **notifications digest 8am**, or **notifications digest off**.", IsProblem: true), cancellationToken);
        }

        var now = time.GetUtcNow();
        var enabled = true;
        await preferences.UpdateAsync(
            LinkedAccounts.UserOf(turn),
            settings =>
            {
                settings.TimeZone = PersonalChats.ReportedZone(turn) ?? settings.TimeZone;

                settings.DigestHour = hour;
                enabled = settings.Enabled;
                if (hour is { } chosen && DigestSchedule.AlreadyServedWhenChosen(chosen, settings.TimeZone, now) is { } today)
                {
                    settings.LastDigestOn = today;
                }
            },
            cancellationToken);
        LogDigestChanged(hour is null ? "off" : "on");
        var notice = (hour, enabled) switch
        {
            (null, _) => new CardNotice("No more daily digest.", IsProblem: false),
            ({ } at, true) => new CardNotice($"Your daily digest comes at {DigestHours.Format(at, CardCulture.For(turn.Locale))}, when anything is due or overdue.", IsProblem: false),
            ({ } at, false) => new CardNotice($"Your daily digest is set for {DigestHours.Format(at, CardCulture.For(turn.Locale))}, but notifications are off: turn them on to get it.", IsProblem: true),
        };
        return await ShowAsync(turn, notice, cancellationToken);
    }

    private async Task<bool> IsLinkedAsync(BotRequest turn, CancellationToken cancellationToken) =>
        await accounts.FindAsync(turn, cancellationToken) is not null;

    [LoggerMessage(Level = LogLevel.Information, Message = "A user turned notifications {State}")]
    private partial void LogChanged(string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user turned the daily digest {State}")]
    private partial void LogDigestChanged(string state);
}
