using Microsoft.Extensions.Options;

namespace IntegrifyBot.Notifications;

/// <summary>
/// Keeps this instance's proactive messages within Teams' published limits for bots: per
/// conversation 7 a second and 60 in 30 seconds, per tenant about 30 a second (all configurable).
/// Sliding windows, so a burst never exceeds a limit at any instant. A message counts from when
/// it takes its slot until Teams answers it, and from its answer on: it reached Teams at some
/// moment before the answer, so the windows hold where Teams counts, whatever the network's delays.
/// A 429 from Teams pauses the tenant until its Retry-After, and for a while the tenant gets no
/// more a second than Teams took in the second before it refused: a tenant limit set higher than
/// Teams' costs one refusal now and then instead of one every second. One instance at a time sends
/// to a tenant (<see cref="Storage.TenantSendLeases"/>), so its counts are the tenant's; what a 429
/// taught is kept with the tenant's lease and adopted by the instance that takes it over.
/// </summary>
public sealed class SendThrottle(IOptions<NotificationsOptions> options, TimeProvider time)
{
    /// <summary>How long what a 429 taught about a tenant's limit holds after the last one.</summary>
    public static readonly TimeSpan LearnedLimitLifetime = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Window> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Refusal> refusals = new(StringComparer.Ordinal);
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
        lock (gate)
        {
            // Read under the lock, so that the windows' times are set in order.
            var now = time.GetUtcNow();
            var tenantLimit = settings.TenantMessagesPerSecond;
            if (refusals.TryGetValue(tenantId, out var refusal))
            {
                if (refusal.PausedUntil > now)
                {
                    return refusal.PausedUntil - now;
                }

                if (refusal.PausedUntil + LearnedLimitLifetime <= now)
                {
                    refusals.Remove(tenantId);
                }
                else
                {
                    tenantLimit = Math.Min(tenantLimit, refusal.LearnedLimit);
                }
            }

            var tenant = Of(tenants, tenantId);
            var conversation = Of(conversations, conversationId);
            var wait = Max(
                tenant.WaitFor(now, tenantLimit, Second),
                conversation.WaitFor(now, settings.ConversationMessagesPerSecond, Second),
                conversation.WaitFor(now, settings.ConversationMessagesPer30Seconds, HalfMinute));
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

    /// <summary>Until when Teams asked the tenant to wait (a 429's Retry-After); null when it did not, or that time has passed.</summary>
    public DateTimeOffset? PausedUntil(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (gate)
        {
            return refusals.TryGetValue(tenantId, out var refusal) && refusal.PausedUntil > time.GetUtcNow() ? refusal.PausedUntil : null;
        }
    }

    /// <summary>Teams answered a message that took a slot, whatever it answered: the slot now counts from this moment.</summary>
    public void Answered(string tenantId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(conversationId);
        lock (gate)
        {
            var now = time.GetUtcNow();
            tenants.GetValueOrDefault(tenantId)?.Answer(now);
            conversations.GetValueOrDefault(conversationId)?.Answer(now);
        }
    }

    /// <summary>
    /// What another instance learned of the tenant before this one took over its sending: a pause
    /// still running, and the lower limit that follows it for a while.
    /// </summary>
    public void Adopt(string tenantId, DateTimeOffset? pausedUntil, int? learnedLimit)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        if (pausedUntil is not { } until || learnedLimit is not { } limit || until + LearnedLimitLifetime <= time.GetUtcNow())
        {
            return;
        }

        lock (gate)
        {
            if (!refusals.TryGetValue(tenantId, out var known) || known.PausedUntil < until)
            {
                refusals[tenantId] = new Refusal(until, Math.Max(1, limit));
            }
        }
    }

    /// <summary>
    /// Teams answered 429: nothing more goes to the tenant until <paramref name="until"/>. The first
    /// 429 of a pause also sets the tenant's limit to a little under what Teams took in the second
    /// before it (the others are messages that were on their way already, and teach nothing more).
    /// </summary>
    /// <returns>The limit the tenant now keeps to after the pause, to be kept with its lease.</returns>
    public int Pause(string tenantId, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!refusals.TryGetValue(tenantId, out var refusal) || refusal.PausedUntil <= now)
            {
                // Answered in the last second, less this refusal itself, and less one more: the bot's
                // second ends a little after the one Teams counted in, so it may hold one too many.
                var taken = (tenants.GetValueOrDefault(tenantId)?.AnsweredSince(now - Second) ?? 2) - 2;
                var known = refusal is not null && refusal.PausedUntil + LearnedLimitLifetime > now ? refusal.LearnedLimit : int.MaxValue;
                var limit = Math.Min(known, Math.Max(1, taken));
                refusal = new Refusal(until, limit);
                refusals[tenantId] = refusal;
            }
            else if (refusal.PausedUntil < until)
            {
                refusal = refusal with { PausedUntil = until };
                refusals[tenantId] = refusal;
            }

            return refusal.LearnedLimit;
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

        foreach (var key in conversations.Where(pair => pair.Value.LastAt < now - HalfMinute).Select(pair => pair.Key).ToList())
        {
            conversations.Remove(key);
        }
    }

    /// <param name="PausedUntil">Nothing goes to the tenant before then.</param>
    /// <param name="LearnedLimit">The most messages a second the tenant gets until <see cref="LearnedLimitLifetime"/> after the pause.</param>
    private sealed record Refusal(DateTimeOffset PausedUntil, int LearnedLimit);

    /// <summary>
    /// The messages sent within the longest window: when each took its slot, or when Teams answered
    /// it. Every time set is the clock's now, and an answered slot moves to the end, so they stay in order.
    /// </summary>
    private sealed class Window
    {
        private readonly List<Slot> slots = [];

        public DateTimeOffset LastAt { get; private set; }

        public void Add(DateTimeOffset at)
        {
            slots.Add(new Slot { At = at });
            LastAt = at;
        }

        /// <summary>The oldest message still awaiting its answer now counts from <paramref name="at"/>.</summary>
        public void Answer(DateTimeOffset at)
        {
            var index = slots.FindIndex(slot => !slot.Answered);
            if (index < 0)
            {
                return;
            }

            var slot = slots[index];
            slots.RemoveAt(index);
            slot.At = at;
            slot.Answered = true;
            slots.Add(slot);
            LastAt = at;
        }

        public int AnsweredSince(DateTimeOffset since)
        {
            var count = 0;
            for (var i = slots.Count - 1; i >= 0 && slots[i].At > since; i--)
            {
                count += slots[i].Answered ? 1 : 0;
            }

            return count;
        }

        /// <summary>How long until one more message fits <paramref name="limit"/> per <paramref name="window"/>.</summary>
        public TimeSpan WaitFor(DateTimeOffset now, int limit, TimeSpan window)
        {
            var expired = 0;
            while (expired < slots.Count && slots[expired].At <= now - HalfMinute)
            {
                expired++;
            }

            slots.RemoveRange(0, expired);
            var inWindow = 0;
            for (var i = slots.Count - 1; i >= 0 && slots[i].At > now - window; i--)
            {
                inWindow++;
            }

            return inWindow < limit ? TimeSpan.Zero : slots[slots.Count - limit].At + window - now;
        }
    }

    private sealed class Slot
    {
        public DateTimeOffset At { get; set; }

        public bool Answered { get; set; }
    }
}
