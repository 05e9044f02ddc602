namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// How far behind the process is on its own work: a timer asks for a tick every 100 ms, and how late
/// the ticks come (or how long the next one is overdue) is time a callback - such as the one that
/// reads Integrify's answer off a socket - would have waited for a thread.
/// </summary>
internal sealed class LocalLag : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    // A lag seen this recently still explains a timeout that fires now: an attempt lasts seconds.
    private static readonly TimeSpan Memory = TimeSpan.FromSeconds(5);

    private readonly TimeProvider time;
    private readonly ITimer timer;
    private long lastTick;
    private long worstTicks;
    private long worstAt;

    /// <param name="time">The system's clock, whatever the bot's TimeProvider: lag is about real threads.</param>
    public LocalLag(TimeProvider time)
    {
        this.time = time;
        lastTick = time.GetTimestamp();
        timer = time.CreateTimer(_ => Tick(), null, Period, Period);
    }

    /// <summary>The worst lag of the last few seconds, or the current one if the next tick is overdue.</summary>
    public TimeSpan Current
    {
        get
        {
            var now = time.GetTimestamp();
            var overdue = time.GetElapsedTime(Volatile.Read(ref lastTick), now) - Period;
            var recent = time.GetElapsedTime(Volatile.Read(ref worstAt), now) <= Memory
                ? TimeSpan.FromTicks(Volatile.Read(ref worstTicks))
                : TimeSpan.Zero;
            return overdue > recent ? overdue : recent;
        }
    }

    public void Dispose() => timer.Dispose();

    private void Tick()
    {
        var now = time.GetTimestamp();
        var late = time.GetElapsedTime(Interlocked.Exchange(ref lastTick, now), now) - Period;
        if (late.Ticks > Volatile.Read(ref worstTicks) || time.GetElapsedTime(Volatile.Read(ref worstAt), now) > Memory)
        {
            Volatile.Write(ref worstTicks, Math.Max(late.Ticks, 0));
            Volatile.Write(ref worstAt, now);
        }
    }
}
