namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The bot as the Dockerfile builds it: "dotnet publish -c Release" of src/IntegrifyBot. The test
/// command publishes once and passes the folder in INTEGRIFYBOT_PUBLISH_DIR; a test run without it
/// publishes into a temporary folder itself.
/// </summary>
public sealed class PublishedBot : IAsyncLifetime
{
    public string Folder { get; private set; } = null!;

    public string Assembly => Path.Combine(Folder, "IntegrifyBot.dll");

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("INTEGRIFYBOT_PUBLISH_DIR");
        if (!string.IsNullOrEmpty(given))
        {
            Folder = given;
        }
        else
        {
            Folder = Path.Combine(Path.GetTempPath(), "integrifybot-publish", Guid.NewGuid().ToString("N"));
            var project = Path.Combine(Repository.Root, "src", "IntegrifyBot", "IntegrifyBot.csproj");
            var publish = await BotProcess.RunToEndAsync("dotnet", ["publish", project, "-c", "Release", "-o", Folder, "--nologo"], TimeSpan.FromMinutes(5));
            Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + publish.Output);
        }

        Assert.True(File.Exists(Assembly), $"No published bot at {Assembly}.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Starts the published bot with the given environment, over patient time budgets (see
    /// <see cref="TestBudgets"/>); the caller disposes it.
    /// </summary>
    public BotProcess Start(IDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var all = TestBudgets.Patient.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);
        foreach (var (key, value) in environment)
        {
            all[key] = value;
        }

        return BotProcess.Start("dotnet", [Assembly, .. arguments], all, workingDirectory: Folder);
    }

    /// <summary>Starts the published bot on a port of its own and waits until it is ready (<see cref="RunningBot"/>).</summary>
    public Task<RunningBot> StartReadyAsync(IDictionary<string, string> environment) =>
        RunningBot.StartAsync(all => Start(all), environment);
}
