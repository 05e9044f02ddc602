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
        ("Microsoft.AspNetCore.DataProtection", "Data Protection (stored credentials)"),
        ("Microsoft.AspNetCore.", "ASP.NET Core / Kestrel"),
        ("IntegrifyBot.", "the bot's own code"),
        ("Microsoft.Extensions.", "Microsoft.Extensions (DI, logging, options)"),
    ];

    private static readonly string[] HttpPrefixes = ["System.Net.Http", "Microsoft.Extensions.Http"];

    /// <summary>
    /// A sample is idle when its innermost managed frame is one of these: the thread is parked in a
    /// wait (monitor, wait handle, the thread pool's semaphore, sleep, join), in the socket engine's
    /// epoll wait, or reading file-change events. EventPipe stacks hold managed frames only, so a
    /// thread blocked in native code shows the managed method that called into it; a thread-pool
    /// worker whose only frame is its start waits for work in its native semaphore.
    /// </summary>
    private static readonly string[] Waits =
    [
        "System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart",
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
    private static readonly string[] Plumbing = ["System.Threading.", "System.Runtime.CompilerServices."];

    private readonly Dictionary<string, int> jittedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> inclusive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> exclusive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> askedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> tiers = new(StringComparer.Ordinal);
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
                case MethodLoadUnloadVerboseTraceData load when (int)load.ID == 143 && load.ProviderName == "Microsoft-Windows-DotNETRuntime":
                    // MethodLoadVerbose (event 143, not the rundown's method list): the tier it was compiled for.
                    var tier = load.OptimizationTier.ToString();
                    report.tiers[tier] = report.tiers.GetValueOrDefault(tier) + 1;
                    break;
                case GCAllocationTickTraceData tick:
                    report.Allocated(tick);
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

        // An async method's state machine box is named for the method it runs, deep in its generic
        // arguments; other generic types are counted without their arguments.
        var box = type.IndexOf("AsyncStateMachineBox", StringComparison.Ordinal);
        var machine = box < 0 ? -1 : type.LastIndexOf(',') + 1;
        type = machine > 0 ? "async state machine of " + type[machine..].TrimEnd(']') : type.Split('[')[0];
        var nested = type.IndexOf("+<", StringComparison.Ordinal);
        type = nested > 0 ? type[..nested] : type;
        jittedBy[type] = jittedBy.GetValueOrDefault(type) + 1;
    }

    /// <summary>The event's managed frames with names, leaf first.</summary>
    private static List<string> FramesOf(TraceEvent data)
    {
        var frames = new List<string>();
        for (var frame = data.CallStack(); frame is not null; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (!string.IsNullOrEmpty(name))
            {
                frames.Add(name);
            }
        }

        return frames;
    }

    /// <summary>The nearest frame of the bot's own code: which of its steps a library's work was for.</summary>
    private static string AskedBy(List<string> frames) =>
        frames.FirstOrDefault(name => name.StartsWith("IntegrifyBot.", StringComparison.Ordinal)) is { } name ? Shorten(name) : "(no frame of the bot)";

    private void Allocated(GCAllocationTickTraceData tick)
    {
        allocated += tick.AllocationAmount64;
        var frames = FramesOf(tick);
        var site = $"{tick.TypeName} ← {AskedBy(frames)}";
        allocatedBy[site] = allocatedBy.GetValueOrDefault(site) + tick.AllocationAmount64;
    }

    private void Sampled(TraceEvent data)
    {
        samples++;
        var frames = FramesOf(data);

        // Leaf first. A thread stopped at a GC poll was running its caller when the runtime was
        // suspended (for a collection, or for this very sampling): the caller is where it was busy.
        while (frames.Count > 0 && frames[0].StartsWith("System.Threading.Thread.<PollGC>", StringComparison.Ordinal))
        {
            frames.RemoveAt(0);
        }

        // A wait at the top means the thread was parked, not working.
        if (frames.Count > 0 && Waits.Any(wait => frames[0].StartsWith(wait, StringComparison.Ordinal)))
        {
            idle++;
            return;
        }

        // The sample's type says whether the thread was in managed code (2) or outside it (1: native
        // code, the JIT, a system call) when sampled.
        if (Convert.ToInt32(data.PayloadByName("Type"), CultureInfo.InvariantCulture) == 1)
        {
            inNative++;
        }

        var owner = OwnerOf(frames);
        owners[owner] = owners.GetValueOrDefault(owner) + 1;
        var asker = $"{owner}: {AskedBy(frames)}";
        askedBy[asker] = askedBy.GetValueOrDefault(asker) + 1;
        if (frames.Count > 0)
        {
            // The leaf with its nearest caller of interest: a lock or a resize says little alone.
            var caller = frames.Skip(1).FirstOrDefault(name => !Plumbing.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)) && !name.StartsWith("System.Collections.", StringComparison.Ordinal));
            var leaf = caller is null ? Shorten(frames[0]) : $"{Shorten(frames[0])} ← {Shorten(caller)}";
            exclusive[leaf] = exclusive.GetValueOrDefault(leaf) + 1;
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
        output.WriteLine(FormattableString.Invariant($"    JIT: {jitted / perTurn:F2} methods compiled per turn ({jitted} in all, {dynamicMethods} of them dynamic methods; tiers: {Top(tiers, 5, count => count.ToString(CultureInfo.InvariantCulture))}); by type: {Top(jittedBy, 10, count => count.ToString(CultureInfo.InvariantCulture))}"));
        output.WriteLine(FormattableString.Invariant($"    allocated ≈ {allocated / perTurn / 1024:F0} KB per turn (estimate: AllocationTick events, one per ~100 KB); {collections} GCs ({gen2} gen2), {collections / perTurn:F3} per turn; most allocated (type ← nearest frame of the bot):"));
        foreach (var (site, bytes) in allocatedBy.OrderByDescending(a => a.Value).Take(8))
        {
            output.WriteLine(FormattableString.Invariant($"      {bytes / perTurn / 1024,4:F0} KB  {site}"));
        }

        output.WriteLine(FormattableString.Invariant($"    CPU samples: {samples} on managed threads, {idle} idle (parked in a wait), {Busy} busy = {Busy / perTurn:F1} per turn at ~1 ms each, {Share(inNative)} of them outside managed code (JIT, GC, system calls)"));
        output.WriteLine("    busy samples by owner (nearest owner from the leaf): " + string.Join(", ", owners.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {Share(o.Value)}")));
        output.WriteLine("    the three largest owners, by the step of the bot they worked for:");
        foreach (var owner in owners.OrderByDescending(o => o.Value).Take(3).Select(o => o.Key))
        {
            var steps = askedBy.Where(a => a.Key.StartsWith(owner + ": ", StringComparison.Ordinal)).OrderByDescending(a => a.Value).Take(4);
            output.WriteLine($"      {owner}: " + string.Join(", ", steps.Select(a => $"{a.Key[(owner.Length + 2)..]} {Share(a.Value)}")));
        }

        output.WriteLine("    top methods, inclusive (thread-pool and async plumbing left out):");
        foreach (var (name, count) in inclusive.OrderByDescending(m => m.Value).Take(15))
        {
            output.WriteLine($"      {Share(count),6}  {Shorten(name)}");
        }

        output.WriteLine("    top methods, exclusive (the innermost managed frame):");
        foreach (var (name, count) in exclusive.OrderByDescending(m => m.Value).Take(10))
        {
            output.WriteLine($"      {Share(count),6}  {name}");
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
        return shortName.Length > 110 ? shortName[..110] + "…" : shortName;
    }
}
