using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace IntegrifyBot.Benchmarks.Load;

/// <summary>
/// What a <see cref="TurnProfile"/> recorded, per turn: methods the JIT compiled (and whose they
/// are), allocation and garbage collections, and where the busy CPU samples were, by owner (the
/// nearest library or part of the bot on the stack) and by method.
/// </summary>
internal sealed class ProfileReport
{
    private const string SampleProfiler = "Microsoft-DotNETCore-SampleProfiler";
    private const string Finalizer = "finalizer thread";
    private const string NoManagedFrame = "runtime, no managed frame";
    private const string Other = "other (.NET libraries only)";

    /// <summary>
    /// Owners, nearest first from the leaf: a sample belongs to the first frame that matches one.
    /// HTTP frames (System.Net.Http, Microsoft.Extensions.Http) serve both the Integrify client and
    /// the Bot Connector's replies, so they are only the owner when neither shows further up the stack
    /// (an async continuation often starts at the HTTP frame, with its caller no longer on the stack).
    /// </summary>
    private static readonly (string Prefix, string Owner)[] Owners =
    [
        ("Microsoft.Bot.", "Bot Framework SDK"),
        ("Microsoft.Rest.", "Bot Framework SDK"),
        ("Newtonsoft.Json", "Newtonsoft.Json"),
        ("System.Text.Json", "System.Text.Json"),
        ("IntegrifyBot.Integrify", "Integrify HTTP pipeline"),
        ("Refit", "Integrify HTTP pipeline"),
        ("Polly", "Integrify HTTP pipeline"),
        ("Microsoft.Extensions.Http.Resilience", "Integrify HTTP pipeline"),
        ("Microsoft.Extensions.Resilience", "Integrify HTTP pipeline"),
        ("Microsoft.EntityFrameworkCore", "EF Core / SQLite"),
        ("Microsoft.Data.Sqlite", "EF Core / SQLite"),
        ("SQLitePCL", "EF Core / SQLite"),
        ("Microsoft.AspNetCore.", "ASP.NET Core / Kestrel"),
        ("IntegrifyBot.", "the bot's own code"),
        ("Microsoft.Extensions.", "Microsoft.Extensions (DI, logging, options)"),
    ];

    private static readonly string[] HttpPrefixes = ["System.Net.Http", "Microsoft.Extensions.Http"];

    /// <summary>
    /// A sample is idle when its innermost managed frame is one of these: the thread is parked in a
    /// wait (monitor, wait handle, the thread pool's semaphore, sleep, join), in the socket engine's
    /// epoll wait, or reading file-change events. EventPipe stacks hold managed frames only, so a
    /// thread blocked in native code shows the managed method that called into it.
    /// </summary>
    private static readonly string[] Waits =
    [
        "System.Threading.Monitor.Wait",
        "System.Threading.Monitor.ObjectWait",
        "System.Threading.WaitHandle.Wait",
        "System.Threading.LowLevelLifoSemaphore.Wait",
        "System.Threading.LowLevelMonitor.Wait",
        "System.Threading.LowLevelMonitor.TimedWait",
        "Interop+Sys.LowLevelMonitor_",
        "System.Threading.Thread.Sleep",
        "System.Threading.Thread.Join",
        "System.Threading.ManualResetEventSlim.Wait",
        "System.Threading.SemaphoreSlim.Wait",
        "System.Threading.WaitSubsystem",
        "Interop+Sys.WaitForSocketEvents",
        "System.Net.Sockets.SocketAsyncEngine.EventLoop",
        "System.IO.FileSystemWatcher",
        "Interop+Sys.Read(",
        "System.Threading.Tasks.Task.SpinThenBlockingWait",
        "System.Threading.Tasks.Task.InternalWaitCore",
    ];

    /// <summary>Frames every stack starts with (thread pool dispatch, async plumbing): true of every sample, so left out of the top methods.</summary>
    private static readonly string[] Plumbing = ["System.Threading.", "System.Runtime.CompilerServices.", "System.Threading.Tasks."];

    private readonly Dictionary<string, int> jittedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> inclusive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> exclusive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> allocatedBy = new(StringComparer.Ordinal);
    private int jitted;
    private int dynamicMethods;
    private long allocated;
    private int collections;
    private int gen2;
    private int samples;
    private int idle;
    private int inNative;

    private ProfileReport()
    {
    }

    private int Busy => samples - idle;

    /// <summary>Reads the trace (converted once to TraceEvent's .etlx, which resolves stacks to method names).</summary>
    public static ProfileReport Read(string nettrace)
    {
        var report = new ProfileReport();
        var etlx = TraceLog.CreateFromEventPipeDataFile(nettrace, Path.ChangeExtension(nettrace, ".etlx"));
        using var log = new TraceLog(etlx);
        foreach (var data in log.Events)
        {
            switch (data)
            {
                case MethodJittingStartedTraceData jit:
                    report.Jitted(jit.MethodNamespace);
                    break;
                case GCAllocationTickTraceData tick:
                    report.allocated += tick.AllocationAmount64;
                    report.allocatedBy[tick.TypeName] = report.allocatedBy.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
                    break;
                case GCStartTraceData start:
                    report.collections++;
                    report.gen2 += start.Depth == 2 ? 1 : 0;
                    break;
                default:
                    if (data.ProviderName == SampleProfiler)
                    {
                        report.Sampled(data);
                    }

                    break;
            }
        }

        return report;
    }

    private void Jitted(string type)
    {
        jitted++;

        // Dynamic methods (compiled expressions, serializers' emitted accessors) have no type of their
        // own; they are what the finalizer later destroys.
        if (string.IsNullOrEmpty(type) || type.StartsWith("dynamicClass", StringComparison.Ordinal))
        {
            dynamicMethods++;
            type = "(dynamic method)";
        }

        jittedBy[type] = jittedBy.GetValueOrDefault(type) + 1;
    }

    private void Sampled(TraceEvent data)
    {
        samples++;
        var frames = new List<string>();
        for (var frame = data.CallStack(); frame is not null; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (!string.IsNullOrEmpty(name))
            {
                frames.Add(name);
            }
        }

        // Leaf first. A wait at the top means the thread was parked, not working.
        if (frames.Count > 0 && Waits.Any(wait => frames[0].StartsWith(wait, StringComparison.Ordinal)))
        {
            idle++;
            return;
        }

        // The sample's type says whether the thread was in managed code (2) or outside it (1: native
        // code, the JIT, a system call) when sampled.
        if (data.PayloadByName("Type") is int type && type == 1)
        {
            inNative++;
        }

        var owner = OwnerOf(frames);
        owners[owner] = owners.GetValueOrDefault(owner) + 1;
        if (frames.Count > 0)
        {
            exclusive[frames[0]] = exclusive.GetValueOrDefault(frames[0]) + 1;
        }

        foreach (var name in frames.Distinct(StringComparer.Ordinal))
        {
            if (!Plumbing.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
            }
        }
    }

    private static string OwnerOf(List<string> frames)
    {
        if (frames.Count == 0)
        {
            return NoManagedFrame;
        }

        if (frames.Any(name => name.StartsWith("System.GC.RunFinalizers", StringComparison.Ordinal)))
        {
            return Finalizer;
        }

        var http = false;
        foreach (var name in frames)
        {
            if (HttpPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                http = true;
                continue;
            }

            foreach (var (prefix, owner) in Owners)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return owner;
                }
            }
        }

        return http ? "HTTP client, caller not on the stack" : Other;
    }

    public void Print(TextWriter output, string kind, int turns, double cpuMsPerTurn)
    {
        var perTurn = (double)turns;
        output.WriteLine(FormattableString.Invariant($"  profile of {turns} {kind} turns on the bot (CPU {cpuMsPerTurn:F1} ms/turn with the session attached):"));
        output.WriteLine(FormattableString.Invariant($"    JIT: {jitted / perTurn:F2} methods compiled per turn ({jitted} in all, {dynamicMethods} of them dynamic methods); by type: {Top(jittedBy, 10, count => count.ToString(CultureInfo.InvariantCulture))}"));
        output.WriteLine(FormattableString.Invariant($"    allocated ≈ {allocated / perTurn / 1024:F0} KB per turn (estimate: AllocationTick events, one per ~100 KB); {collections} GCs ({gen2} gen2), {collections / perTurn:F3} per turn; most allocated: {Top(allocatedBy, 6, bytes => FormattableString.Invariant($"{bytes / perTurn / 1024:F0} KB"))}"));
        output.WriteLine(FormattableString.Invariant($"    CPU samples: {samples} on managed threads, {idle} idle (parked in a wait), {Busy} busy = {Busy / perTurn:F1} per turn at ~1 ms each, {Share(inNative)} of them outside managed code (JIT, GC, system calls)"));
        output.WriteLine("    busy samples by owner (nearest owner from the leaf): " + string.Join(", ", owners.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {Share(o.Value)}")));
        output.WriteLine("    top methods, inclusive (thread-pool and async plumbing left out):");
        foreach (var (name, count) in inclusive.OrderByDescending(m => m.Value).Take(15))
        {
            output.WriteLine($"      {Share(count),6}  {Shorten(name)}");
        }

        output.WriteLine("    top methods, exclusive (the innermost managed frame):");
        foreach (var (name, count) in exclusive.OrderByDescending(m => m.Value).Take(8))
        {
            output.WriteLine($"      {Share(count),6}  {Shorten(name)}");
        }
    }

    private string Share(int count) => Busy == 0 ? "0%" : ((double)count / Busy).ToString("P1", CultureInfo.InvariantCulture);

    private static string Top<T>(Dictionary<string, T> counts, int take, Func<T, string> format)
        where T : IComparable<T> =>
        string.Join(", ", counts.OrderByDescending(c => c.Value).Take(take).Select(c => $"{c.Key} {format(c.Value)}"));

    /// <summary>Method names carry their full signatures; the name and its type are enough to read.</summary>
    private static string Shorten(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        var shortName = open > 0 ? name[..open] : name;
        return shortName.Length > 140 ? shortName[..140] + "…" : shortName;
    }
}
