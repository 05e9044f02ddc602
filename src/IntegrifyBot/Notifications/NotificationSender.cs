using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Notifications;

/// <summary>
/// Sends what the outbox holds: it claims a batch of due notifications under its own name, delivers
/// them several at once, and looks again at once when the batch was full, otherwise when woken
/// (something was queued in this instance) or after <see cref="NotificationsOptions.SenderInterval"/>.
/// Any number of instances may run one: a claimed row is one sender's until its lease ends, so a
/// sender that dies mid-batch leaves its rows to another after the lease.
/// </summary>
public sealed partial class NotificationSender(
    NotificationOutbox outbox,
    NotificationDelivery delivery,
    NotificationSignal signal,
    IOptionsMonitor<NotificationsOptions> options,
    TimeProvider time,
    ILogger<NotificationSender> logger) : BackgroundService
{
    /// <summary>A row due already but not claimed (another instance's, say) is not looked for in a busy loop.</summary>
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(50);

    /// <summary>Who holds a claim, for the outbox and for whoever looks at it: unique per process.</summary>
    public string Name { get; } = Truncated($"{Guid.NewGuid():N}@{Environment.MachineName}/{Environment.ProcessId}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.SendingEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database away for a moment, say: the next look tries again; nothing claimed is lost.
                LogLookFailed(exception);
            }

            if (!more)
            {
                try
                {
                    await signal.WaitAsync(await UntilNextDueAsync(stoppingToken), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// How long to sleep: until the next row put back (Teams' limits, a 429's Retry-After, a retry)
    /// comes due, when that is sooner than the interval, so that a backlog held back for a second
    /// does not wait the whole interval.
    /// </summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken stoppingToken)
    {
        var interval = options.CurrentValue.SenderInterval;
        try
        {
            if (await outbox.NextDueAsync(stoppingToken) is { } due)
            {
                var wait = due - time.GetUtcNow();
                return wait < MinimumSleep ? MinimumSleep : wait < interval ? wait : interval;
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogLookFailed(exception);
        }

        return interval;
    }

    /// <summary>Delivers one batch; true when it was full, so that more may be due.</summary>
    private async Task<bool> SendDueAsync(CancellationToken stoppingToken)
    {
        var concurrency = options.CurrentValue.SendConcurrency;
        var batch = await outbox.ClaimAsync(Name, concurrency * 2, Lease(options.CurrentValue.SendTimeout), stoppingToken);
        if (batch.Count == 0)
        {
            return false;
        }

        await Parallel.ForEachAsync(
            batch,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stoppingToken },
            async (notification, token) =>
            {
                try
                {
                    await delivery.DeliverAsync(notification, token);
                }
                catch (Exception exception) when (!token.IsCancellationRequested)
                {
                    // Not even its failure could be recorded: the row comes back when the lease ends.
                    LogNotSettled(exception, notification.Id);
                }
            });
        return batch.Count == concurrency * 2;
    }

    /// <summary>
    /// How long a batch is this sender's. A batch holds twice as many notifications as are sent at
    /// once, each bounded by <paramref name="sendTimeout"/>, so however unevenly they fall among the
    /// parallel sends the batch is done within three of them; the fourth leaves room to record each
    /// outcome, which the time-out does not cover. A shorter lease would let another instance take
    /// and send again a notification this one is still sending; a longer one only delays the rows
    /// of an instance that died.
    /// </summary>
    private static TimeSpan Lease(TimeSpan sendTimeout) => sendTimeout * 4;

    // The outbox keeps at most 100 characters of it; the unique part comes first.
    private static string Truncated(string name) => name.Length <= 100 ? name : name[..100];

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} could not be settled; it is tried again when its claim ends")]
    private partial void LogNotSettled(Exception exception, long notificationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notification sender could not look at the outbox; it looks again shortly")]
    private partial void LogLookFailed(Exception exception);
}
