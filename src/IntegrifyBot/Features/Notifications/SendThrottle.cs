using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Notifications;

/// <summary>
/// Keeps this instance's proactive messages within Teams' published limits for bots: per
/// conversation 7 a second and 60 in 30 seconds, per tenant about 30 a second (all configurable).
/// Sliding windows, so a burst never exceeds a limit at any instant; a 429 from Teams pauses the
/// tenant until its Retry-After. Instances sharing a tenant each keep their own count, so with
/// several instances the per-tenant limit is set to Teams' limit divided among them.
/// </summary>
public sealed class SendThrottle(IOptions<NotificationsOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, Window> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> pausedTenants = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>
    /// Takes a slot for one message, or says how long to wait for one. A slot taken is counted
    /// whether or not the send then succeeds: Teams counts attempts too.
    /// </summary>
    public TimeSpan TryTake(string tenantId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(conversationId);
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (pausedTenants.TryGetValue(tenantId, out var until))
            {
                if (until > now)
                {
                    return until - now;
                }

                pausedTenants.Remove(tenantId);
            }

            var tenant = Of(tenants, tenantId);
            var conversation = Of(conversations, conversationId);
            var wait = Max(
                tenant.WaitFor(now, settings.TenantMessagesPerSecond, TimeSpan.FromSeconds(1)),
                conversation.WaitFor(now, settings.ConversationMessagesPerSecond, TimeSpan.FromSeconds(1)),
                conversation.WaitFor(now, settings.ConversationMessagesPer30Seconds, TimeSpan.FromSeconds(30)));
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            tenant.Add(now);
            conversation.Add(now);
            Forget(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Teams answered 429: nothing more goes to the tenant until <paramref name="until"/>.</summary>
    public void Pause(string tenantId, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (gate)
        {
            if (!pausedTenants.TryGetValue(tenantId, out var current) || current < until)
            {
                pausedTenants[tenantId] = until;
            }
        }
    }

    private static Window Of(Dictionary<string, Window> windows, string key)
    {
        if (!windows.TryGetValue(key, out var window))
        {
            window = new Window();
            windows[key] = window;
        }

        return window;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b, TimeSpan c) => TimeSpan.FromTicks(Math.Max(a.Ticks, Math.Max(b.Ticks, c.Ticks)));

    /// <summary>Conversations not written to for the longest window are dropped, so memory follows activity, not history.</summary>
    private void Forget(DateTimeOffset now)
    {
        if (conversations.Count < 10_000)
        {
            return;
        }

        foreach (var key in conversations.Where(pair => pair.Value.LastAt < now - TimeSpan.FromSeconds(30)).Select(pair => pair.Key).ToList())
        {
            conversations.Remove(key);
        }
    }

    /// <summary>The times of the messages sent within the longest window, oldest first.</summary>
    private sealed class Window
    {
        private readonly Queue<DateTimeOffset> sent = new();

        public DateTimeOffset LastAt { get; private set; }

        public void Add(DateTimeOffset at)
        {
            sent.Enqueue(at);
            LastAt = at;
        }

        /// <summary>How long until one more message fits <paramref name="limit"/> per <paramref name="window"/>.</summary>
        public TimeSpan WaitFor(DateTimeOffset now, int limit, TimeSpan window)
        {
            while (sent.Count > 0 && sent.Peek() <= now - TimeSpan.FromSeconds(30))
            {
                sent.Dequeue();
            }

            var inWindow = sent.Where(at => at > now - window).ToList();
            return inWindow.Count < limit ? TimeSpan.Zero : inWindow[inWindow.Count - limit] + window - now;
        }
    }
}
