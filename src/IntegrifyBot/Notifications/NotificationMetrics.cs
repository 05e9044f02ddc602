using System.Diagnostics.Metrics;
using IntegrifyBot.Telemetry;

namespace IntegrifyBot.Notifications;

/// <summary>What became of task notifications, as metrics on the bot's meter.</summary>
public sealed class NotificationMetrics
{
    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> throttled;
    private readonly Counter<long> dead;

    public NotificationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(BotTelemetry.Name);
        sent = meter.CreateCounter<long>("integrifybot.notifications.sent", description: "Task notifications Teams took.");
        failed = meter.CreateCounter<long>("integrifybot.notifications.failed", description: "Attempts to send a task notification that failed and may be tried again, by what failed (teams or integrify).");
        throttled = meter.CreateCounter<long>("integrifybot.notifications.throttled", description: "Task notifications Teams refused with 429 (too many requests); each is sent again after Retry-After.");
        dead = meter.CreateCounter<long>("integrifybot.notifications.dead", description: "Task notifications given up, by reason.");
    }

    public void Sent() => sent.Add(1);

    public void Failed(string cause) => failed.Add(1, new KeyValuePair<string, object?>("cause", cause));

    public void Throttled() => throttled.Add(1);

    public void Dead(string reason) => dead.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
