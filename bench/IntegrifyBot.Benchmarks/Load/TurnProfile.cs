using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace IntegrifyBot.Benchmarks.Load;

/// <summary>
/// An EventPipe session on another .NET process (the bot), recorded to a file while one kind of turn
/// runs: CPU samples of every managed thread, methods compiled by the JIT, garbage collections and
/// allocation ticks. What it found is read back by <see cref="ProfileReport"/>.
/// </summary>
internal sealed class TurnProfile : IAsyncDisposable
{
    private readonly EventPipeSession session;
    private readonly Task copied;
    private readonly string file;

    private TurnProfile(EventPipeSession session, string file)
    {
        this.session = session;
        this.file = file;
        copied = Task.Run(async () =>
        {
            await using var trace = File.Create(file);
            await session.EventStream.CopyToAsync(trace);
        });
    }

    public static TurnProfile Start(int processId)
    {
        // JIT and loader events are verbose (method names, and the modules to resolve stacks with);
        // GC at verbose adds AllocationTick, one event per ~100 KB allocated, which is cheap enough
        // to leave the turns' cost close to an unprofiled run. The rundown at the end names the
        // methods compiled before the session (ReadyToRun framework code, earlier JIT).
        var runtime = ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.GC;
        EventPipeProvider[] providers =
        [
            new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)runtime),
        ];
        var file = Path.Combine(Path.GetTempPath(), $"integrifybot-profile-{Guid.NewGuid():N}.nettrace");
        var session = new DiagnosticsClient(processId).StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 512);
        return new TurnProfile(session, file);
    }

    /// <summary>Ends the session and gives the recorded trace's file.</summary>
    public async Task<string> StopAsync()
    {
        await session.StopAsync(CancellationToken.None);
        await copied;
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        session.Dispose();
        try
        {
            await copied;
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or ServerNotAvailableException)
        {
            // The session ended with the process; nothing more to copy.
        }

        foreach (var path in new[] { file, Path.ChangeExtension(file, ".etlx") })
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
