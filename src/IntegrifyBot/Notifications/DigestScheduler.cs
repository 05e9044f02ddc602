using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Notifications;

/// <summary>
/// Queues each daily digest when its hour comes in the user's time zone. A digest is an outbox row
/// keyed by its day, so it is sent by the same sender, within the same limits, and once a day however
/// many instances schedule it; what tasks it lists is read when it is sent.
/// </summary>
public sealed partial class DigestScheduler(
    NotificationPreferences preferences,
    NotificationOutbox outbox,
    NotificationSignal signal,
    IHostApplicationLifetime lifetime,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await ApplicationStart.WaitAsync(lifetime, stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScheduleDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database away for a moment: the next look queues what is due then.
                LogLookFailed(exception);
            }

            await Task.Delay(options.Value.DigestCheckInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Queues every digest that is due now; how many were queued here.</summary>
    public async Task<int> ScheduleDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = 0;
        foreach (var settings in await preferences.WithDigestAsync(cancellationToken))
        {
            if (DigestSchedule.DueDay(settings, now) is not { } day)
            {
                continue;
            }

            var user = new IntegrifyUser(settings.TeamsTenantId, settings.UserKey);
            if (await outbox.EnqueueAsync(user, DailyDigest.KeyFor(day), NotificationSource.Digest, message: null, cancellationToken))
            {
                queued++;
            }

            // Recorded whoever queued it (another instance, a moment ago), so that it is looked at once a day.
            var served = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
            await preferences.UpdateAsync(user, changed => changed.LastDigestOn = served, cancellationToken);
        }

        if (queued > 0)
        {
            LogQueued(queued);
            signal.Wake();
        }

        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} daily digests")]
    private partial void LogQueued(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily digests could not be looked at; the next look tries again")]
    private partial void LogLookFailed(Exception exception);
}
