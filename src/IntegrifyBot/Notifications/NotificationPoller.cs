using IntegrifyBot.Conversations;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Notifications;

/// <summary>
/// Finds new tasks by reading every linked user's open tasks (T1) on an interval and queuing those
/// the outbox does not know yet. A user's first read only records what is already open: people are
/// told about new work, not about everything they had before the bot watched.
/// </summary>
public sealed partial class NotificationPoller(
    LinkedUsers users,
    TaskFinder finder,
    IProactiveSender sender,
    IHostApplicationLifetime lifetime,
    NotificationOutbox outbox,
    NotificationPreferences preferences,
    NotificationSignal signal,
    ConversationAddresses addresses,
    SendThrottle throttle,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<NotificationPoller> logger) : BackgroundService
{
    /// <summary>
    /// How long a settled row outlives its task's closing. A push can announce a task before Integrify's
    /// list shows it; were its row forgotten meanwhile, the next poll would announce the task again.
    /// </summary>
    private static readonly TimeSpan SettledRowsKept = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PollingEnabled || !await ApplicationStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A cycle that fails as a whole (the database away) is tried again next time.
                LogCycleFailed(exception);
            }

            // Jittered, so that instances started together do not poll Integrify in step.
            var interval = options.Value.PollInterval;
            var jitter = (Random.Shared.NextDouble() - 0.5) * 0.2;
            await Task.Delay(interval + (interval * jitter), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One cycle over every linked user, a bounded number at a time; what it found.</summary>
    public async Task<PollCycle> PollOnceAsync(CancellationToken cancellationToken)
    {
        var everyone = await users.AllAsync(cancellationToken);

        // Everyone's settings in one read rather than one each: a moment old by the time someone is
        // read, which matters little, since the sender looks at them again before anything is sent.
        var settings = await preferences.AllAsync(cancellationToken);
        var queued = 0;
        var skipped = 0;
        var cycle = new CycleState(new OutboxLookahead(everyone, some => outbox.OfUsersAsync(some, cancellationToken)));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, everyone.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.PollConcurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var user = everyone[index];
                var found = await PollUserAsync(user, index, settings.GetValueOrDefault(user) ?? NotificationPreferences.Defaults(user), cycle, token);
                if (found is null)
                {
                    Interlocked.Increment(ref skipped);
                }
                else
                {
                    Interlocked.Add(ref queued, found.Value);
                }
            });

        if (queued > 0)
        {
            signal.Wake();
        }

        await outbox.ForgetAsync(cycle.Closed, cancellationToken);
        await preferences.RecordPolledAsync(cycle.Polled, time.GetUtcNow(), cancellationToken);
        return new PollCycle(everyone.Count, queued, skipped);
    }

    /// <summary>How many new tasks of the user were queued, or null when the user was skipped.</summary>
    /// <param name="index">Where the user is among everyone the cycle reads.</param>
    private async Task<int?> PollUserAsync(IntegrifyUser user, int index, NotificationSettings settings, CycleState cycle, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return null;
        }

        IReadOnlyList<string> open;
        try
        {
            open = await OpenTasksAsync(user, cancellationToken);
        }
        catch (IntegrifyLinkExpiredException)
        {
            // The user must link again; polling them achieves nothing until then, and they are told once.
            if (settings.BrokenLinkToldAt is null && await TellLinkBrokenAsync(user, cancellationToken))
            {
                await preferences.UpdateAsync(user, changed => changed.BrokenLinkToldAt = time.GetUtcNow().UtcDateTime, cancellationToken);
            }

            return null;
        }
        catch (IntegrifyException exception) when (exception is IntegrifyUnavailableException or IntegrifyBusyException or IntegrifyForbiddenException)
        {
            LogUserSkipped(exception.Status is { } status ? (int)status : 0);
            return null;
        }

        // What the outbox held of the user a moment before this read: a task queued since (by a push,
        // or another instance) is looked for again as it is queued, and only settled rows are forgotten.
        var held = await cycle.Outbox.OfAsync(index);
        var queued = 0;
        if (settings.LastPolledAt is null && await NeverPolledAsync(user, cancellationToken))
        {
            await outbox.RecordKnownAsync(user, open, cancellationToken);
        }
        else
        {
            foreach (var sid in open.Where(sid => !held.Has(sid)))
            {
                if (await outbox.EnqueueAsync(user, sid, NotificationSource.Poll, message: null, cancellationToken))
                {
                    queued++;
                }
            }
        }

        // Only a complete list tells which tasks closed: one past the first thousand is merely unread.
        if (open.Count < TaskFinder.MaxTasksRead)
        {
            foreach (var id in held.ClosedBefore(open, time.GetUtcNow() - SettledRowsKept))
            {
                cycle.Closed.Add(id);
            }
        }

        if (settings.LastPolledAt is null || settings.BrokenLinkToldAt is not null)
        {
            await preferences.UpdateAsync(
                user,
                changed =>
                {
                    changed.LastPolledAt = time.GetUtcNow().UtcDateTime;
                    changed.BrokenLinkToldAt = null;
                },
                cancellationToken);
        }
        else
        {
            cycle.Polled.Add(user);
        }

        return queued;
    }

    /// <summary>
    /// Whether the user's tasks were still never read, asked again after this read of them: another
    /// instance may have finished their first read meanwhile, and what was assigned since then is new
    /// work, which this read must queue, not record as already known.
    /// </summary>
    private async Task<bool> NeverPolledAsync(IntegrifyUser user, CancellationToken cancellationToken) =>
        (await preferences.GetAsync(user, cancellationToken)).LastPolledAt is null;

    /// <summary>
    /// Tells the user in their personal chat that their sign-in expired; true when that is settled
    /// (told, or there is no chat to tell them in), false when Teams should be tried again next cycle.
    /// </summary>
    private async Task<bool> TellLinkBrokenAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        var address = await addresses.FindAsync(user, cancellationToken);
        if (address is null)
        {
            LogLinkBroken(told: false);
            return true;
        }

        if (throttle.TryTake(user.TeamsTenantId, address.ConversationId) > TimeSpan.Zero)
        {
            return false;
        }

        var outcome = await sender.SendAsync(address, LinkBrokenCard.Build(), cancellationToken);
        if (outcome.Result == ProactiveResult.Gone)
        {
            await addresses.RetireAsync(user, address.ConversationId, cancellationToken);
        }

        var settled = outcome.Result is not (ProactiveResult.Failed or ProactiveResult.Throttled);
        LogLinkBroken(told: outcome.Result == ProactiveResult.Delivered);
        return settled;
    }

    private async Task<IReadOnlyList<string>> OpenTasksAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        // Someone with more open tasks than that is told about new ones among the first thousand.
        var sids = new List<string>();
        await foreach (var task in finder.OpenTasksAsync(user, new ListQuery(), TaskFinder.MaxTasksRead, cancellationToken))
        {
            if (!string.IsNullOrEmpty(task.RecipientTaskSid))
            {
                sids.Add(RecipientTasks.Canonical(task.RecipientTaskSid));
            }
        }

        return sids;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A polling cycle failed; the next one tries again")]
    private partial void LogCycleFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user's Integrify link needs renewing; they are not polled until they link again (told in Teams: {Told})")]
    private partial void LogLinkBroken(bool told);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A user's tasks could not be read this cycle (Integrify's status {Status}; 0 for no answer)")]
    private partial void LogUserSkipped(int status);
}

/// <summary>What one polling cycle did: users read, new tasks queued, users skipped.</summary>
public sealed record PollCycle(int Users, int Queued, int Skipped);
