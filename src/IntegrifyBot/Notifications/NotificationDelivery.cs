using IntegrifyBot.Cards.Model;
using IntegrifyBot.Conversations;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Routing;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Notifications;

/// <summary>
/// Takes one claimed notification to its end: sent; put back for later (Teams or Integrify failing
/// for now, Teams asking to slow down); or dead, with its reason. Every row ends sent or dead, and
/// only a sent one reached the user. The task is read again with the user's own token just before
/// sending, so that what is announced is still open and still theirs.
/// </summary>
public sealed partial class NotificationDelivery(
    NotificationOutbox outbox,
    ConversationAddresses addresses,
    NotificationPreferences preferences,
    TaskFinder finder,
    IProactiveSender sender,
    SendThrottle throttle,
    TenantSendLeases leases,
    NotificationMetrics metrics,
    IOptionsMonitor<NotificationsOptions> options,
    IOptions<IntegrifyOptions> integrify,
    TimeProvider time,
    ILogger<NotificationDelivery> logger)
{
    /// <summary>A longer wait for a place within Teams' limits puts the row back instead of holding a sender.</summary>
    private static readonly TimeSpan LongestThrottleWait = TimeSpan.FromSeconds(1);

    private static readonly DeadEnd NotificationsOff = new("notifications-off", "the user turned notifications off");
    private static readonly DeadEnd NotInstalled = new("not-installed", "the app is not installed for the user");
    private static readonly DeadEnd NotLinked = new("not-linked", "the user has not linked an Integrify account");
    private static readonly DeadEnd LinkExpired = new("link-expired", "the user's Integrify link has expired or was revoked");
    private static readonly DeadEnd NoLongerOpen = new("no-longer-open", "the task is no longer open for the user");
    private static readonly DeadEnd DigestOff = new("digest-off", "the user turned the daily digest off");
    private static readonly DeadEnd DigestPassed = new("digest-passed", "the digest's day has passed");
    private static readonly DeadEnd NothingDue = new("nothing-due", "nothing was due or overdue that day");

    // Integrify's outages hold back every notification alike, so their back-off is shared.
    private int integrifyFailures;

    /// <param name="cancellationToken">Stops the work when the bot stops; the row then comes back when its lease ends.</param>
    public async Task DeliverAsync(ClaimedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.SendTimeout);
        try
        {
            await DeliverAsync(notification, timeout.Token, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A time-out, or something unforeseen: tried again later like any failure, never lost.
            var problem = exception is OperationCanceledException ? "timed out" : exception.GetType().Name;
            LogUnexpected(exception, notification.Id);
            await FailAsync(notification, "bot", problem, cancellationToken);
        }
    }

    private async Task DeliverAsync(ClaimedNotification notification, CancellationToken work, CancellationToken settling)
    {
        var user = notification.User;
        var settings = await preferences.GetAsync(user, work);
        if (!settings.Enabled)
        {
            await KillAsync(notification, NotificationsOff, settling);
            return;
        }

        var address = await addresses.FindAsync(user, work);
        if (address is null)
        {
            await KillAsync(notification, NotInstalled, settling);
            return;
        }

        // While Teams has the tenant waiting, the row goes back at once: reading the task from
        // Integrify now would be read again when it is due.
        if (throttle.PausedUntil(user.TeamsTenantId) is { } paused && paused - time.GetUtcNow() > LongestThrottleWait)
        {
            await outbox.RetryAsync(notification, paused, "held back: Teams asked this tenant to wait", countAttempt: false, settling);
            return;
        }

        var card = notification.Source == NotificationSource.Digest
            ? await DigestCardAsync(notification, settings, Reader(address, settings), work, settling)
            : await TaskCardAsync(notification, Reader(address, settings), work, settling);
        if (card is null || !await TakeTurnAsync(notification, address, work, settling))
        {
            return;
        }

        var outcome = await sender.SendAsync(address, card, work);
        throttle.Answered(address.User.TeamsTenantId, address.ConversationId);
        await SettleAsync(notification, address, outcome, settling);
    }

    /// <summary>The card of the task, still open for the user, with its buttons; null when the row was settled instead.</summary>
    private async Task<AdaptiveCard?> TaskCardAsync(ClaimedNotification notification, BotRequest reader, CancellationToken work, CancellationToken settling)
    {
        var read = await ReadAsync(notification, token => finder.FindActionableAsync(notification.User, notification.RecipientTaskSid, token), work, settling);
        if (!read.Done)
        {
            return null;
        }

        if (read.Value is not { } task)
        {
            await KillAsync(notification, NoLongerOpen, settling);
            return null;
        }

        return TaskCards.Assigned(task, notification.Message, reader, Integrify, time.GetUtcNow());
    }

    /// <summary>
    /// The daily digest of the tasks due by the end of its day, read now; null when the row was
    /// settled instead: nothing is due, the user no longer wants it, or its day has passed.
    /// </summary>
    private async Task<AdaptiveCard?> DigestCardAsync(ClaimedNotification notification, NotificationSettings settings, BotRequest reader, CancellationToken work, CancellationToken settling)
    {
        var now = time.GetUtcNow();
        if (settings.DigestHour is null)
        {
            await KillAsync(notification, DigestOff, settling);
            return null;
        }

        if (!DailyDigest.TryReadDay(notification.RecipientTaskSid, out var day) || day < DigestSchedule.Today(settings.TimeZone, now))
        {
            // A digest held back past its day (Teams or Integrify away) would list the wrong tasks.
            await KillAsync(notification, DigestPassed, settling);
            return null;
        }

        var until = DigestSchedule.EndOf(day, settings.TimeZone);
        var read = await ReadAsync<DueTasks>(notification, async token => await finder.FindDueAsync(notification.User, now, until, DigestCards.MaxTasks, token), work, settling);
        if (!read.Done)
        {
            return null;
        }

        if (read.Value is not { Page.Total: > 0 } due)
        {
            await KillAsync(notification, NothingDue, settling);
            return null;
        }

        return DigestCards.Daily(due, reader, Integrify, now);
    }

    /// <summary>
    /// Reads what the notification shows from Integrify with the user's token; not done when the row
    /// was settled instead (the link is gone, Integrify refuses or is away).
    /// </summary>
    private async Task<(bool Done, T? Value)> ReadAsync<T>(ClaimedNotification notification, Func<CancellationToken, Task<T?>> read, CancellationToken work, CancellationToken settling)
        where T : class
    {
        T? value;
        try
        {
            value = await read(work);
            Interlocked.Exchange(ref integrifyFailures, 0);
        }
        catch (IntegrifyNotLinkedException)
        {
            await KillAsync(notification, NotLinked, settling);
            return (false, null);
        }
        catch (IntegrifyLinkExpiredException)
        {
            await KillAsync(notification, LinkExpired, settling);
            return (false, null);
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException)
        {
            await KillAsync(notification, NoLongerOpen, settling);
            return (false, null);
        }
        catch (IntegrifyBusyException) when (!settling.IsCancellationRequested)
        {
            // The bot's own queue toward Integrify is full (a crowd of users at once): nobody's fault,
            // and Integrify is fine, so the notification waits one ordinary delay without an attempt counted.
            var retryAt = time.GetUtcNow() + options.CurrentValue.RetryDelay;
            metrics.Failed("busy");
            LogBusy(notification.Id, retryAt);
            await outbox.RetryAsync(notification, retryAt, "The bot is busy", countAttempt: false, settling);
            return (false, null);
        }
        catch (IntegrifyUnavailableException exception) when (!settling.IsCancellationRequested)
        {
            // Not the notification's fault: no attempt is counted, however long Integrify is away,
            // but the waits grow while it stays away, so that a backlog does not hammer it.
            var wait = RetrySchedule.After(Interlocked.Increment(ref integrifyFailures), options.CurrentValue.RetryDelay);
            if (exception.RetryAfter is { } asked && asked > wait)
            {
                wait = asked;
            }

            var retryAt = time.GetUtcNow() + wait;
            metrics.Failed("integrify");
            LogIntegrifyUnavailable(notification.Id, retryAt);
            await outbox.RetryAsync(notification, retryAt, "Integrify is unavailable", countAttempt: false, settling);
            return (false, null);
        }
        catch (IntegrifyException exception) when (!settling.IsCancellationRequested)
        {
            await FailAsync(notification, "integrify", $"Integrify answered {(int?)exception.Status}", settling);
            return (false, null);
        }

        return (true, value);
    }

    /// <summary>
    /// Waits for a place within Teams' limits, just before sending, so that the limits hold for the
    /// messages themselves; false when the wait is long (the conversation's half-minute limit, or the
    /// tenant paused after a 429) and the row was put back for it, without counting an attempt.
    /// </summary>
    private async Task<bool> TakeTurnAsync(ClaimedNotification notification, ConversationAddress address, CancellationToken work, CancellationToken settling)
    {
        while (throttle.TryTake(address.User.TeamsTenantId, address.ConversationId) is var wait && wait > TimeSpan.Zero)
        {
            if (wait > LongestThrottleWait)
            {
                await outbox.RetryAsync(notification, time.GetUtcNow() + wait, "held back within Teams' message limits", countAttempt: false, settling);
                return false;
            }

            await Task.Delay(wait, time, work);
        }

        return true;
    }

    private async Task SettleAsync(ClaimedNotification notification, ConversationAddress address, ProactiveOutcome outcome, CancellationToken settling)
    {
        switch (outcome.Result)
        {
            case ProactiveResult.Delivered:
                metrics.Sent();
                LogSent(notification.Id);
                if (!await outbox.MarkSentAsync(notification, settling))
                {
                    // Sent, but the row is another sender's now, which may send it again.
                    LogClaimLost(notification.Id);
                }

                break;

            case ProactiveResult.Throttled:
                // Teams does not say which limit was hit: the whole tenant waits, not only this row.
                var retryAt = time.GetUtcNow() + (outcome.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : options.CurrentValue.RetryDelay);
                var learned = throttle.Pause(address.User.TeamsTenantId, retryAt);
                metrics.Throttled();
                LogThrottled(notification.Id, retryAt);
                await outbox.RetryAsync(notification, retryAt, "Teams answered 429", countAttempt: false, settling);

                // Kept with the tenant's lease: an instance taking the tenant over keeps to it too.
                await leases.RecordPauseAsync(address.User.TeamsTenantId, retryAt, learned, settling);
                break;

            case ProactiveResult.Gone:
                await addresses.RetireAsync(address.User, address.ConversationId, settling);
                LogRetired(notification.Id, outcome.Status);
                await KillAsync(notification, new DeadEnd("gone", $"Teams answered {outcome.Status}: the user blocked or removed the app, or the conversation is gone"), settling);
                break;

            case ProactiveResult.Refused:
                await KillAsync(notification, new DeadEnd("refused", $"Teams cannot take it: {outcome.Problem ?? outcome.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture)}"), settling);
                break;

            default:
                await FailAsync(notification, "teams", outcome.Status is { } status ? $"Teams answered {status}" : outcome.Problem ?? "Teams did not answer", settling);
                break;
        }
    }

    /// <summary>A failed attempt: tried again after a growing wait, or given up after the last one.</summary>
    private async Task FailAsync(ClaimedNotification notification, string cause, string problem, CancellationToken settling)
    {
        metrics.Failed(cause);
        var attempts = notification.Attempts + 1;
        var maxAttempts = options.CurrentValue.MaxAttempts;
        if (attempts >= maxAttempts)
        {
            await KillAsync(notification, new DeadEnd("attempts", $"gave up after {attempts} attempts; the last: {problem}"), settling);
            return;
        }

        var retryAt = time.GetUtcNow() + RetrySchedule.After(attempts, options.CurrentValue.RetryDelay);
        LogFailed(notification.Id, problem, attempts, maxAttempts, retryAt);
        await outbox.RetryAsync(notification, retryAt, problem, countAttempt: true, settling);
    }

    /// <summary>
    /// Gives the row up, and counts it dead only when this sender still held it: one whose claim ran
    /// out meanwhile left the row to another sender, whose outcome is the row's.
    /// </summary>
    private async Task KillAsync(ClaimedNotification notification, DeadEnd end, CancellationToken settling)
    {
        if (await outbox.KillAsync(notification, end.Reason, settling))
        {
            metrics.Dead(end.Tag);
            LogDead(notification.Id, end.Reason);
        }
        else
        {
            LogClaimLost(notification.Id);
        }
    }

    private Uri Integrify => integrify.Value.BaseUrl ?? throw new InvalidOperationException("Integrify:BaseUrl is not set.");

    /// <summary>
    /// The user as the card's dates need them: in their time zone and locale as Teams last told them
    /// (UTC, and said so, and en-US until then).
    /// </summary>
    private static BotRequest Reader(ConversationAddress address, NotificationSettings settings)
    {
        var reader = new BotRequest(new TurnUser(string.Empty, address.User.UserId, Name: null), new TurnConversation(address.ConversationId, ConversationKind.Personal, address.User.TeamsTenantId))
        {
            TimeZone = settings.TimeZone,
        };
        return settings.Locale is { } locale ? reader with { Locale = locale } : reader;
    }

    /// <param name="Tag">The metric's reason tag.</param>
    /// <param name="Reason">Kept on the row, and logged: never anything of the task itself.</param>
    private sealed record DeadEnd(string Tag, string Reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent notification {NotificationId}")]
    private partial void LogSent(long notificationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams throttled notification {NotificationId} (429); it and the rest of its tenant wait until {RetryAt:O}")]
    private partial void LogThrottled(long notificationId, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} failed ({Problem}), attempt {Attempt} of {MaxAttempts}; tried again at {RetryAt:O}")]
    private partial void LogFailed(long notificationId, string problem, int attempt, int maxAttempts, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integrify is unavailable for notification {NotificationId}; tried again at {RetryAt:O}")]
    private partial void LogIntegrifyUnavailable(long notificationId, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot had too many calls to Integrify waiting for notification {NotificationId}; tried again at {RetryAt:O}")]
    private partial void LogBusy(long notificationId, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} is dead: {Reason}")]
    private partial void LogDead(long notificationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams answered {Status} to notification {NotificationId}: the user's chat address is retired")]
    private partial void LogRetired(long notificationId, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} was taken over by another sender before this one settled it (its claim ran out)")]
    private partial void LogClaimLost(long notificationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} failed unexpectedly; it is tried again later")]
    private partial void LogUnexpected(Exception exception, long notificationId);
}
