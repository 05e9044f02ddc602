using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>
/// The real Bicep compiler, which restore downloads from NuGet (build/BicepCompiler.props), run as a
/// process: to build templates the way the Agents Toolkit does before deploying, and to evaluate what
/// a template would deploy.
/// </summary>
internal static class BicepCompiler
{
    /// <summary>The compiler's version, such as 0.49.2.</summary>
    public static string Version => Metadata("BicepCompilerVersion");

    /// <summary>Compiles one template into <paramref name="outputFolder"/>, as `bicep build --outdir`.</summary>
    public static Task<BicepRun> BuildAsync(string template, string outputFolder) =>
        RunAsync("build", template, "--outdir", outputFolder);

    /// <summary>
    /// Evaluates a template for a .bicepparam file without Azure, as `bicep snapshot`, which writes
    /// &lt;name&gt;.snapshot.json beside it, for a made-up subscription and resource group.
    /// </summary>
    public static Task<BicepRun> SnapshotAsync(string parametersFile) =>
        RunAsync(
            "snapshot", parametersFile, "--mode", "overwrite",
            "--tenant-id", "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "--subscription-id", "00000000-0000-0000-0000-000000000001",
            "--resource-group", "rg-integrifybot",
            "--location", "westeurope");

    private static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the Bicep compiler");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 2 minutes");
        }

        return new BicepRun(process.ExitCode, await standardOutput, await standardError);
    }

    private static string Executable()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException("The Bicep compiler the tests restore is Microsoft's linux-x64 build; these tests run on Linux x64 only.");
        }

        var path = Metadata("BicepCompilerPath");
        Assert.True(
            File.Exists(path),
            $"The Bicep compiler is not at {path}: restoring the test project (./test.sh, or dotnet restore) downloads it from NuGet.");

        // The package records the binary as executable, but an extraction that drops the mode
        // (a copied package folder, some file systems) leaves it unable to start.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(BicepCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"The test assembly has no {key}: build/BicepCompiler.props sets it at build time.");
}
