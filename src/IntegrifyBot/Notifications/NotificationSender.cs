using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Notifications;

/// <summary>
/// Sends what the outbox holds: it claims a batch of due notifications under its own name, delivers
/// them several at once, and looks again at once when the batch was full, otherwise when woken
/// (something was queued in this instance) or after <see cref="NotificationsOptions.SenderInterval"/>.
/// Any number of instances may run one. Each sends for the Teams tenants whose lease it holds
/// (<see cref="TenantSendLeases"/>), so that one instance keeps each tenant's limits as Teams counts
/// them; a claimed row is one sender's until its claim ends, so a sender that dies mid-batch leaves
/// its rows, and after its leases lapse its tenants, to another.
/// </summary>
public sealed partial class NotificationSender(
    NotificationOutbox outbox,
    TenantSendLeases leases,
    SendThrottle throttle,
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

    /// <summary>The tenants this sender held after its last look, to adopt what a new one's lease says.</summary>
    private HashSet<string> held = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.SendingEnabled)
        {
            return;
        }

        try
        {
            await SendUntilStoppedAsync(stoppingToken);
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task SendUntilStoppedAsync(CancellationToken stoppingToken)
    {
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
        // Leases are renewed on each look: a third of their length leaves two looks to spare.
        var interval = TimeSpan.FromTicks(Math.Min(options.CurrentValue.SenderInterval.Ticks, options.CurrentValue.TenantLease.Ticks / 3));
        try
        {
            if (await leases.NextDueAsync(Name, stoppingToken) is { } due)
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
        var tenants = await HoldTenantsAsync(stoppingToken);
        var batch = await outbox.ClaimAsync(Name, tenants, concurrency * 2, Lease(options.CurrentValue.SendTimeout), stoppingToken);
        if (batch.Count == 0)
        {
            return false;
        }

        // A batch held up by Teams or Integrify may outlast the tenant leases: they are renewed meanwhile.
        using var batchDone = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewWhileSendingAsync(batchDone.Token);
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
        await batchDone.CancelAsync();
        await renewing;
        return batch.Count == concurrency * 2;
    }

    /// <summary>
    /// Renews this sender's tenant leases and takes its share of the tenants waiting; a tenant newly
    /// held starts from what Teams last asked of it, whichever instance heard it.
    /// </summary>
    private async Task<IReadOnlyCollection<string>> HoldTenantsAsync(CancellationToken stoppingToken)
    {
        var waiting = await leases.WaitingAsync(Name, stoppingToken);
        var now = await leases.HoldAsync(Name, waiting, options.CurrentValue.TenantLease, stoppingToken);
        foreach (var tenant in now.Where(tenant => !held.Contains(tenant.TeamsTenantId)))
        {
            throttle.Adopt(tenant.TeamsTenantId, tenant.PausedUntil, tenant.LearnedLimit);
        }

        held = now.Select(tenant => tenant.TeamsTenantId).ToHashSet(StringComparer.Ordinal);
        return held;
    }

    /// <summary>Renews the leases every third of their length until the batch is done.</summary>
    private async Task RenewWhileSendingAsync(CancellationToken batchDone)
    {
        var lease = options.CurrentValue.TenantLease;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, time, batchDone);
                try
                {
                    await leases.RenewAsync(Name, lease, batchDone);
                }
                catch (Exception exception) when (!batchDone.IsCancellationRequested)
                {
                    LogLookFailed(exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The batch is done: the next look renews them.
        }
    }

    /// <summary>A stopping sender hands its tenants to the other instances at once, rather than when its leases lapse.</summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await leases.ReleaseAsync(Name, timeout.Token);
        }
        catch (Exception exception)
        {
            // The leases then lapse by themselves.
            LogReleaseFailed(exception);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notification sender could not hand its tenants back; they pass to another instance when their leases lapse")]
    private partial void LogReleaseFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notification sender could not look at the outbox; it looks again shortly")]
    private partial void LogLookFailed(Exception exception);
}
