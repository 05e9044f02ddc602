namespace Integrify.Simulator.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when a test moves it, so expiry is tested without waiting. Its timers
/// follow it too: moving the clock fires, on the test's thread, every timer that came due meanwhile.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref ticks, by.Ticks);
        while (NextDue() is { } due)
        {
            due.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private ManualTimer? NextDue()
    {
        var now = GetUtcNow();
        lock (gate)
        {
            return timers.Where(timer => timer.Due <= now).MinBy(timer => timer.Due);
        }
    }

    private void Schedule(ManualTimer timer, bool active)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (active)
            {
                timers.Add(timer);
            }
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period;

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            this.period = period;
            Due = clock.GetUtcNow() + dueTime;
            clock.Schedule(this, dueTime != Timeout.InfiniteTimeSpan);
            return true;
        }

        public void Fire()
        {
            var periodic = period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan;
            if (periodic)
            {
                Due += period;
            }

            clock.Schedule(this, periodic);
            callback(state);
        }

        public void Dispose() => clock.Schedule(this, active: false);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
