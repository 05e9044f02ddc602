using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using IntegrifyBot.Integrify.Http;
using Polly.RateLimiting;

namespace IntegrifyBot.Integrify;

/// <summary>
/// The bot's own traffic toward each Integrify host: a bulkhead per host (at most
/// Integrify:MaxConcurrentCalls calls under way, Integrify:MaxQueuedCalls more waiting, oldest first),
/// whether that host's circuit breaker is open, and how late the process is on its own work. The
/// health check reads it to say when the bot is saturated or Integrify is failing. Real time throughout
/// (not the bot's TimeProvider): it is about threads and sockets now.
/// </summary>
public sealed class IntegrifyCallLoad : IDisposable
{
    /// <summary>A refusal this recent still makes the bot "saturated" on the health check.</summary>
    public static readonly TimeSpan RejectionMemory = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, HostGate> gates = new(StringComparer.Ordinal);

    public IntegrifyCallLoad()
        : this(TimeProvider.System)
    {
    }

    /// <param name="realTime">The system's clock; another only where a test stands in for it.</param>
    /// <param name="processorTime">The CPU time the process has used so far; another only in tests.</param>
    internal IntegrifyCallLoad(TimeProvider realTime, Func<TimeSpan>? processorTime = null, int? cores = null)
    {
        Lag = new LocalLag(realTime);
        Cpu = new CpuSaturation(realTime, processorTime ?? (() => Environment.CpuUsage.TotalTime), cores ?? Environment.ProcessorCount);
    }

    internal LocalLag Lag { get; }

    internal CpuSaturation Cpu { get; }

    /// <summary>
    /// Whether an attempt that timed out now may be the process's own doing rather than Integrify's:
    /// within the last seconds, a tick of its 100 ms timer came late by half the attempt timeout or
    /// more, or the process kept every core busy for a second.
    /// </summary>
    internal bool ExcusesTimeout(TimeSpan attemptTimeout) => Lag.Current >= attemptTimeout / 2 || Cpu.Recently;

    /// <summary>Each host's traffic now, for each of the bot's Integrify clients.</summary>
    public IReadOnlyList<IntegrifyHostLoad> Snapshot() =>
        [.. gates.Values.Select(gate => gate.Snapshot()).OrderBy(load => load.Client, StringComparer.Ordinal).ThenBy(load => load.Host, StringComparer.Ordinal)];

    public void Dispose()
    {
        Lag.Dispose();
        Cpu.Dispose();
        foreach (var gate in gates.Values)
        {
            gate.Limiter.Dispose();
        }
    }

    /// <summary>The gate of one client toward one host, shared by every pipeline built for them.</summary>
    internal HostGate Gate(string client, string host, IntegrifyOptions options) =>
        gates.GetOrAdd($"{client} → {host}", _ => new HostGate(client, host, options.MaxConcurrentCalls, options.MaxQueuedCalls));

    internal sealed class HostGate(string client, string host, int maxConcurrent, int maxQueued)
    {
        private long lastRejection = long.MinValue;
        private int breakerOpen;

        public ConcurrencyLimiter Limiter { get; } = new(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrent,
            QueueLimit = maxQueued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        public bool BreakerOpen
        {
            get => Volatile.Read(ref breakerOpen) == 1;
            set => Volatile.Write(ref breakerOpen, value ? 1 : 0);
        }

        /// <summary>The bulkhead as a Polly strategy: marks the waiting work's watch, remembers refusals.</summary>
        public RateLimiterStrategyOptions Strategy() => new()
        {
            Name = "bulkhead",
            RateLimiter = async arguments =>
            {
                var watch = IntegrifyQueueWatch.Current;
                var lease = Limiter.AttemptAcquire();
                if (lease.IsAcquired)
                {
                    return lease;
                }

                lease.Dispose();
                watch?.Enter();
                var admitted = false;
                try
                {
                    lease = await Limiter.AcquireAsync(1, arguments.Context.CancellationToken);
                    admitted = lease.IsAcquired;
                    return lease;
                }
                finally
                {
                    // A refusal (the queue is full) is reported as such; only a cancelled wait gave up.
                    watch?.Leave(admitted || !arguments.Context.CancellationToken.IsCancellationRequested);
                }
            },
            OnRejected = _ =>
            {
                Volatile.Write(ref lastRejection, TimeProvider.System.GetTimestamp());
                return ValueTask.CompletedTask;
            },
        };

        public IntegrifyHostLoad Snapshot()
        {
            var statistics = Limiter.GetStatistics();
            var rejected = Volatile.Read(ref lastRejection);
            return new IntegrifyHostLoad(
                client,
                host,
                maxConcurrent - (int)(statistics?.CurrentAvailablePermits ?? maxConcurrent),
                (int)(statistics?.CurrentQueuedCount ?? 0),
                maxConcurrent,
                maxQueued,
                rejected != long.MinValue && TimeProvider.System.GetElapsedTime(rejected) <= RejectionMemory,
                BreakerOpen);
        }
    }
}

/// <summary>One client's traffic toward one Integrify host.</summary>
/// <param name="Client">The bot's Integrify client: users' calls, or sign-ins.</param>
/// <param name="Host">The Integrify host, as "https://acme.integrify.com".</param>
/// <param name="InFlight">Calls under way now.</param>
/// <param name="Queued">Calls waiting for a slot now.</param>
/// <param name="RecentlyRefused">A call was turned away in the last <see cref="IntegrifyCallLoad.RejectionMemory"/> because the queue was full.</param>
/// <param name="BreakerOpen">Integrify has been failing: calls are paused.</param>
public sealed record IntegrifyHostLoad(string Client, string Host, int InFlight, int Queued, int MaxConcurrent, int MaxQueued, bool RecentlyRefused, bool BreakerOpen)
{
    /// <summary>The bot has more calls for this host than it lets through at once.</summary>
    public bool Saturated => Queued > 0 || RecentlyRefused;
}
