using System.Text.Json;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The sliding windows a <see cref="LocalConnector"/> with <see cref="TeamsLimits"/> keeps: a message
/// is accepted only if, with it, no conversation and no tenant exceeds its limit within any window
/// ending now. Refused messages do not count against the windows.
/// </summary>
public sealed class TeamsRateWindows(TeamsLimits limits, TimeProvider time)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Queue<DateTimeOffset>> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> tenants = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Null when the message is accepted (and counted); otherwise how long until it would fit.</summary>
    public TimeSpan? TryAccept(string? tenantId, string conversationId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var conversation = Of(conversations, conversationId, now);
            var tenant = tenantId is null ? null : Of(tenants, tenantId, now);
            var wait = Max(
                WaitFor(conversation, now, limits.ConversationPerSecond, Second),
                WaitFor(conversation, now, limits.ConversationPer30Seconds, HalfMinute),
                tenant is null ? TimeSpan.Zero : WaitFor(tenant, now, limits.TenantPerSecond, Second));
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            conversation.Enqueue(now);
            tenant?.Enqueue(now);
            return null;
        }
    }

    /// <summary>The tenant as Teams reads it from a message: its conversation's, or its channel data's.</summary>
    public static string? TenantOf(JsonElement activity)
    {
        if (activity.TryGetProperty("conversation", out var conversation) && conversation.TryGetProperty("tenantId", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("tenant", out var tenant) && tenant.TryGetProperty("id", out var tenantId) && tenantId.ValueKind == JsonValueKind.String
            ? tenantId.GetString()
            : null;
    }

    private static Queue<DateTimeOffset> Of(Dictionary<string, Queue<DateTimeOffset>> windows, string key, DateTimeOffset now)
    {
        if (!windows.TryGetValue(key, out var window))
        {
            window = new Queue<DateTimeOffset>();
            windows[key] = window;
        }

        while (window.Count > 0 && window.Peek() <= now - HalfMinute)
        {
            window.Dequeue();
        }

        return window;
    }

    /// <summary>Zero when one more fits <paramref name="limit"/> per <paramref name="span"/>; otherwise until the oldest that blocks it leaves.</summary>
    private static TimeSpan WaitFor(Queue<DateTimeOffset> window, DateTimeOffset now, int limit, TimeSpan span)
    {
        var inSpan = window.Where(at => at > now - span).ToList();
        return inSpan.Count < limit ? TimeSpan.Zero : inSpan[^limit] + span - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b, TimeSpan c) => TimeSpan.FromTicks(Math.Max(a.Ticks, Math.Max(b.Ticks, c.Ticks)));
}
