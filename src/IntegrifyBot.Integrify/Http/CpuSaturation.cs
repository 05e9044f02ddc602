namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// Whether the process has lately kept every core of the machine busy. Then an answer from Integrify
/// can wait long for its turn on a core even though no thread pool queue is late (many threads share
/// the cores, each running slowly), which <see cref="LocalLag"/> does not see: a timeout then says the
/// bot is overloaded, not that Integrify is slow.
/// </summary>
internal sealed class CpuSaturation : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    // The share of all cores that counts as saturated, over the last second.
    private const double SaturatedShare = 0.9;
    private const int Window = 4;

    // A saturation this recent still explains a timeout that fires now: an attempt lasts seconds.
    private static readonly TimeSpan Memory = TimeSpan.FromSeconds(5);

    private readonly TimeProvider time;
    private readonly Func<TimeSpan> processorTime;
    private readonly int cores;
    private readonly (long At, TimeSpan Used)[] samples = new (long, TimeSpan)[Window + 1];
    private readonly ITimer timer;
    private int next;
    private long saturatedAt = long.MinValue;

    /// <param name="time">The system's clock.</param>
    /// <param name="processorTime">The CPU time the process has used so far.</param>
    /// <param name="cores">The cores the process may use.</param>
    public CpuSaturation(TimeProvider time, Func<TimeSpan> processorTime, int cores)
    {
        this.time = time;
        this.processorTime = processorTime;
        this.cores = Math.Max(cores, 1);
        var first = (time.GetTimestamp(), processorTime());
        Array.Fill(samples, first);
        timer = time.CreateTimer(_ => Sample(), null, Period, Period);
    }

    /// <summary>The process has used nearly all cores for a second within the last few seconds.</summary>
    public bool Recently
    {
        get
        {
            var at = Volatile.Read(ref saturatedAt);
            return at != long.MinValue && time.GetElapsedTime(at) <= Memory;
        }
    }

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        // Timer callbacks do not overlap much, but may: a lock keeps the ring whole.
        lock (samples)
        {
            var now = (At: time.GetTimestamp(), Used: processorTime());
            var oldest = samples[(next + 1) % samples.Length];
            samples[next] = now;
            next = (next + 1) % samples.Length;
            var wall = time.GetElapsedTime(oldest.At, now.At);
            if (wall > TimeSpan.Zero && (now.Used - oldest.Used) / (wall * cores) >= SaturatedShare)
            {
                Volatile.Write(ref saturatedAt, now.At);
            }
        }
    }
}
