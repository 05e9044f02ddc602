using System.Diagnostics;
using System.Globalization;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Benchmarks.ScaleOut;

/// <summary>
/// Two published bot instances (what the container runs) on one PostgreSQL server, sending a backlog
/// of notifications for many linked people of one tenant to a connector that enforces Teams' limits;
/// the instance sending is killed (SIGKILL) partway. Prints the delivered rate against the tenant
/// limit before and after the kill, 429s, duplicates and losses, and how long delivery paused.
/// </summary>
internal static class ScaleOutBenchmark
{
    /// <summary>How long a killed instance's tenant waits for the other: <c>Notifications:TenantLease</c> as shipped.</summary>
    private const string TenantLease = "00:00:10";

    public static async Task<int> RunAsync(BenchmarkOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"IntegrifyBot scale-out benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores: 2 instances on one PostgreSQL, {options.Users} linked people, {options.Notifications} notifications, Teams' tenant limit {options.TenantPerSecond}/s");
        var published = await PublishAsync(cancellationToken);
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        try
        {
            // The people are linked through an instance in this process that never sends, so that
            // the two published instances are all that sends.
            var settings = new Dictionary<string, string?>(database.Settings())
            {
                ["Notifications:SendingEnabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            var started = Stopwatch.StartNew();
            await using var crowd = await CrowdBot.StartAsync(options.Users, TeamsLimits.Published with { TenantPerSecond = options.TenantPerSecond }, settings, cancellationToken);
            output.WriteLine($"linked {options.Users} people in {started.Elapsed.TotalSeconds:F1} s");

            await using var first = await StartAsync(published, database, crowd, options);
            await using var second = await StartAsync(published, database, crowd, options);
            var queued = await crowd.QueueAsync(options.Notifications, 1, cancellationToken);

            // Partway through, the instance holding the tenant dies without a word.
            while (Accepted(crowd).Count < options.Notifications * 2 / 5)
            {
                await Task.Delay(50, cancellationToken);
            }

            var holder = await HolderAsync(crowd, cancellationToken);
            var killed = holder?.EndsWith($"/{first.Bot.Id}", StringComparison.Ordinal) == true ? first : second;
            await killed.Bot.KillAsync();
            var killedAt = DateTimeOffset.UtcNow;

            var states = await crowd.SettledAsync(TimeSpan.FromSeconds(120 + (3.0 * options.Notifications / options.TenantPerSecond)), cancellationToken);
            var accepted = Accepted(crowd);
            var before = accepted.Where(at => at < killedAt).ToList();
            var after = accepted.Where(at => at >= killedAt).ToList();
            var delivered = crowd.Delivered();
            var duplicates = delivered.Count - delivered.Distinct().Count();
            var missing = queued.Except(delivered).Count();
            var notSent = states.Where(state => state.Key is NotificationState.Pending or NotificationState.Failed or NotificationState.Dead).Sum(state => state.Value);
            var paused = after.Count > 0 && before.Count > 0 ? after[0] - before[^1] : TimeSpan.Zero;

            output.WriteLine(Rate("before the kill", before, options.TenantPerSecond));
            output.WriteLine(Rate("after the kill ", after, options.TenantPerSecond));
            output.WriteLine(FormattableString.Invariant($"killed the sending instance after {before.Count} messages; delivery paused {paused.TotalSeconds:F1} s (Notifications:TenantLease {TenantLease})"));
            output.WriteLine($"429s: {crowd.Connector.Throttled}; duplicates: {duplicates}; not delivered: {missing}; rows not sent: {notSent}");
            output.WriteLine($"whole run: {started.Elapsed.TotalMinutes:F1} min");

            // The message the killed instance had on its way may come twice; nothing else may.
            return duplicates <= options.TenantPerSecond && missing == 0 && notSent == 0 ? 0 : 1;
        }
        finally
        {
            // The private PostgreSQL server is a process of its own, with a folder: never left behind.
            await database.DisposeAsync();
            await PostgresServer.StopSharedAsync();
        }
    }

    /// <summary>The bot as the Dockerfile builds it, published into a folder of its own for this run.</summary>
    private static async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("integrifybot-publish-").FullName;
        var project = Path.Combine(Repository.Root, "src", "IntegrifyBot", "IntegrifyBot.csproj");
        var (exitCode, output) = await BotProcess.RunToEndAsync("dotnet", ["publish", project, "-c", "Release", "-o", folder, "--nologo", "-v", "quiet"], TimeSpan.FromMinutes(5));
        cancellationToken.ThrowIfCancellationRequested();
        return exitCode == 0 ? folder : throw new InvalidOperationException("dotnet publish failed:\n" + output);
    }

    private static Task<RunningBot> StartAsync(string published, TestDatabase database, CrowdBot crowd, BenchmarkOptions options)
    {
        var environment = new Dictionary<string, string>
        {
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Directory.CreateTempSubdirectory("integrifybot-scale-out-").FullName,
            ["Integrify__BaseUrl"] = crowd.Simulator.BaseAddress.ToString(),
            ["Integrify__Tenant"] = crowd.Simulator.Options.Tenant,
            ["Linking__ZeroTouch__Enabled"] = "false",
            ["Notifications__PollingEnabled"] = "false",
            ["Notifications__SenderInterval"] = "00:00:00.200",
            ["Notifications__TenantLease"] = TenantLease,
            ["Notifications__TenantMessagesPerSecond"] = options.TenantPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in database.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        return RunningBot.StartAsync(all => BotProcess.Start("dotnet", [Path.Combine(published, "IntegrifyBot.dll")], all, workingDirectory: published), environment);
    }

    private static List<DateTimeOffset> Accepted(CrowdBot crowd) =>
        [.. crowd.Connector.History.Where(call => call.Method == "POST" && call.Status == 200).Select(call => call.At).Order()];

    /// <summary>The sender holding the crowd's tenant; its name ends with its process id.</summary>
    private static async Task<string?> HolderAsync(CrowdBot crowd, CancellationToken cancellationToken)
    {
        await using var context = await crowd.Service<IDbContextFactory<Storage.BotDbContext>>().CreateDbContextAsync(cancellationToken);
        return await context.TenantSendLeases.AsNoTracking().Where(lease => lease.TeamsTenantId == LinkedCrowd.TenantId).Select(lease => lease.Holder).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The rate in a stretch's steady period, its first and last tenth left out.</summary>
    private static string Rate(string stretch, List<DateTimeOffset> accepted, int limit)
    {
        var from = accepted.Count / 10;
        var to = accepted.Count - 1 - (accepted.Count / 10);
        var steady = to > from ? (to - from) / (accepted[to] - accepted[from]).TotalSeconds : 0;
        return FormattableString.Invariant($"{stretch}: delivered {steady:F1}/s = {steady / limit:F2} of Teams' {limit}/s limit (steady period of {accepted.Count} messages)");
    }
}
