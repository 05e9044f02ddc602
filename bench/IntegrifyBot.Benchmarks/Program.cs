using System.Diagnostics;
using Integrify.Simulator;
using IntegrifyBot.Benchmarks;
using IntegrifyBot.TestInfrastructure;

// The real bot in process (Kestrel, the Bot Framework adapter, SQLite), the Integrify simulator over
// HTTP and a connector that enforces Teams' limits, with many linked people: how close the
// notifications come to Teams' tenant limit, and what a poll cycle over everyone costs against the
// bare reads it cannot avoid. Sizes: --users 10000 --notifications 3000 --rate 30; --postgres.
// "load": turns under load against the SDK's echo bot (Load/LoadBenchmark.cs); "echo-bot": that echo bot;
// "scale-out": two published instances on one PostgreSQL, one killed partway (ScaleOut/ScaleOutBenchmark.cs).
if (args is ["echo-bot", ..])
{
    return await IntegrifyBot.Benchmarks.Load.EchoBot.RunAsync(args[1..]);
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

if (args is ["load", ..])
{
    IntegrifyBot.Benchmarks.Load.LoadOptions load;
    try
    {
        load = IntegrifyBot.Benchmarks.Load.LoadOptions.Parse(args[1..]);
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine(exception.Message);
        return 2;
    }

    return await IntegrifyBot.Benchmarks.Load.LoadBenchmark.RunAsync(load, Console.Out, stop.Token);
}

BenchmarkOptions options;
var scaleOut = args is ["scale-out", ..];
try
{
    options = BenchmarkOptions.Parse(scaleOut ? args[1..] : args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

var output = Console.Out;
if (scaleOut)
{
    return await IntegrifyBot.Benchmarks.ScaleOut.ScaleOutBenchmark.RunAsync(options, output, stop.Token);
}

output.WriteLine($"IntegrifyBot benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores: {options.Users} linked people, {options.Notifications} notifications, Teams' tenant limit {options.TenantPerSecond}/s, {(options.Postgres ? "PostgreSQL" : "SQLite")}");
var database = options.Postgres ? await (await PostgresServer.SharedAsync()).CreateDatabaseAsync() : null;
var settings = new Dictionary<string, string?>
{
    ["Notifications:TenantMessagesPerSecond"] = options.TenantPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),

    // Every notification sent is logged at Information: thousands of console lines would be
    // measured along with the bot.
    ["Logging:LogLevel:Default"] = "Warning",
};
foreach (var (key, value) in database?.Settings() ?? [])
{
    settings[key] = value;
}

var started = Stopwatch.StartNew();
try
{
    var crowd = await CrowdBot.StartAsync(
        options.Users,
        TeamsLimits.Published with { TenantPerSecond = options.TenantPerSecond },
        settings,
        stop.Token);
    output.WriteLine($"linked {options.Users} people (sign-in to the simulator, credential and chat stored) in {started.Elapsed.TotalSeconds:F1} s");

    // Everyone has one open task, as people do, so that each read finds something the outbox knows.
    for (var person = 1; person <= options.Users; person++)
    {
        crowd.Simulator.Control.AssignTask(new TaskAssignment { UserName = SimulatorOptions.GeneratedUserName(person), RequesterUserName = "alexw", RequestName = "Standing order" });
    }

    await PollBenchmark.RunAsync(crowd, rounds: 2, output, stop.Token);
    var lossless = await SendBenchmark.RunAsync(crowd, options.Notifications, options.TenantPerSecond, output, stop.Token);
    output.WriteLine($"whole run: {started.Elapsed.TotalMinutes:F1} min");
    await crowd.DisposeAsync();
    return lossless ? 0 : 1;
}
finally
{
    // The private PostgreSQL server is a process of its own, with a folder: never left behind.
    if (database is not null)
    {
        await database.DisposeAsync();
        await PostgresServer.StopSharedAsync();
    }
}
