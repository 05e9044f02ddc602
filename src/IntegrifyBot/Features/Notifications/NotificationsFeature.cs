using IntegrifyBot.Cards;
using IntegrifyBot.Features.Linking;
using IntegrifyBot.Routing;
using IntegrifyBot.Storage;

namespace IntegrifyBot.Features.Notifications;

/// <summary>
/// The user decides whether new tasks come to them as messages: <c>notifications</c> shows the
/// setting with a button to switch it, <c>notifications on</c> and <c>notifications off</c> switch it.
/// The setting is the user's own whichever chat it is changed from; the sender reads it before each message.
/// </summary>
public sealed partial class NotificationsFeature(NotificationPreferences preferences, LinkedAccounts accounts, ILogger<NotificationsFeature> logger) : IBotFeature
{
    public static CommandDescriptor NotificationsCommand { get; } = new("notifications", "Turn messages about your new tasks on or off", "notification", "notify")
    {
        Example = "notifications off",
    };

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapCommand(NotificationsCommand, AskedAsync);
        routes.MapVerb<SetNotificationsData>(NotificationVerbs.Set, retryWithData: true, (turn, data, token) => SetAsync(turn, data.Enabled == true, token));
    }

    private Task<BotReply> AskedAsync(CommandRequest request, CancellationToken cancellationToken) => CommandText.Normalize(request.Arguments) switch
    {
        "on" => SetAsync(request.Turn, enabled: true, cancellationToken),
        "off" => SetAsync(request.Turn, enabled: false, cancellationToken),
        "" => ShowAsync(request.Turn, notice: null, cancellationToken),
        _ => ShowAsync(request.Turn, new CardNotice("Send **notifications on** or **notifications off**.", IsProblem: true), cancellationToken),
    };

    private async Task<BotReply> ShowAsync(BotRequest turn, CardNotice? notice, CancellationToken cancellationToken)
    {
        var settings = await preferences.GetAsync(LinkedAccounts.UserOf(turn), cancellationToken);
        return new CardReply(NotificationCards.Settings(settings.Enabled, await IsLinkedAsync(turn, cancellationToken), notice));
    }

    private async Task<BotReply> SetAsync(BotRequest turn, bool enabled, CancellationToken cancellationToken)
    {
        await preferences.UpdateAsync(LinkedAccounts.UserOf(turn), settings => settings.Enabled = enabled, cancellationToken);
        LogChanged(enabled ? "on" : "off");
        var notice = enabled
            ? new CardNotice("Notifications are on: I'll message you about each new task.", IsProblem: false)
            : new CardNotice("Notifications are off: I won't message you about new tasks.", IsProblem: false);
        return new CardReply(NotificationCards.Settings(enabled, await IsLinkedAsync(turn, cancellationToken), notice));
    }

    private async Task<bool> IsLinkedAsync(BotRequest turn, CancellationToken cancellationToken) =>
        await accounts.FindAsync(turn, cancellationToken) is not null;

    [LoggerMessage(Level = LogLevel.Information, Message = "A user turned notifications {State}")]
    private partial void LogChanged(string state);
}
