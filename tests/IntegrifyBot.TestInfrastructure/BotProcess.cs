using System.Diagnostics;
using System.Text;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>A child process whose output is collected, and which is killed when disposed.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private BotProcess(Process process) => this.process = process;

    public string Output { get { lock (output) { return output.ToString(); } } }

    public string Errors { get { lock (errors) { return errors.ToString(); } } }

    public bool HasExited => process.HasExited;

    /// <summary>The process id (for its CPU time in /proc).</summary>
    public int Id => process.Id;

    public int ExitCode => process.ExitCode;

    public static BotProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own settings must not leak into the child (MSBuild, the test's environment).
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new BotProcess(process);
        process.OutputDataReceived += (_, line) => Append(child.output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(child.errors, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public static async Task<(int ExitCode, string Output)> RunToEndAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        await using var child = Start(fileName, arguments, environment);
        var exitCode = await child.WaitForExitAsync(timeout);
        return (exitCode, child.Output + child.Errors);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{process.StartInfo.FileName} did not exit within {timeout}.\n{Output}\n{Errors}");
        }

        // The asynchronous readers may still be draining; WaitForExit() without a timeout waits for them.
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or the out-of-memory killer would: nothing of it runs to stop gracefully.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
