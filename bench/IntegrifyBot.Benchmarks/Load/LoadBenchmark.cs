using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.Benchmarks.Load;

/// <summary>
/// Turns under load: the bot and the Bot Framework SDK's echo bot, each in its own process, side by
/// side at each concurrency level, driven over HTTP with Teams-shaped activities from many linked
/// people, against the Integrify simulator in a process of its own, replying to a connector in this
/// one. Per level: each bot's CPU per turn (from /proc) and the ratio, turn latency and what the bot
/// adds over the echo and over the Integrify reads the turn needs, and how many turns got their real
/// answer.
/// </summary>
internal sealed class LoadBenchmark : IAsyncDisposable
{
    private const string Tenant = "demo";
    private const string Password = "Passw0rd!";
    private const string TeamsTenantId = "00000000-0000-0000-0000-000000000001";

    /// <summary>The task list's heading: what the bot answers "tasks" and a page click with when Integrify answered.</summary>
    private const string TaskListHeading = "Your tasks";

    /// <summary>The list's page size (the bot's CardLimits.PageSize), for the bare reads.</summary>
    private const int PageSize = 10;

    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(60);

    private readonly LoadOptions options;
    private readonly TextWriter output;
    private readonly List<BotProcess> processes = [];
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue })
    {
        Timeout = TimeSpan.FromSeconds(120),
    };

    private readonly Dictionary<int, string> integrifyTokens = [];
    private TurnConnector connector = null!;
    private Uri simulator = null!;
    private Endpoint echo = null!;
    private Endpoint bot = null!;
    private string dataFolder = null!;

    private LoadBenchmark(LoadOptions options, TextWriter output)
    {
        this.options = options;
        this.output = output;
    }

    private sealed record Endpoint(string Name, Uri Address, int ProcessId, bool IsEcho);

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        output.WriteLine(FormattableString.Invariant($"IntegrifyBot load benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores: levels {string.Join(", ", options.Levels)}; {options.People} linked people with {options.TasksEach} open tasks each"));
        await using var run = new LoadBenchmark(options, output);
        await run.StartAsync(cancellationToken);
        await run.PrepareAsync(cancellationToken);
        var rows = new List<string>();
        foreach (var level in options.Levels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.AddRange(await run.LevelAsync(level));
        }

        output.WriteLine();
        output.WriteLine("| concurrent | turn | CPU/turn echo | CPU/turn bot | bot/echo | p50 echo | p50 bot | p99 echo | p99 bot | added p50/p99 over echo | Integrify reads p50/p99 | added p50/p99 over reads | real answers echo / bot |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            output.WriteLine(row);
        }

        output.WriteLine(FormattableString.Invariant($"whole run: {started.Elapsed.TotalMinutes:F1} min"));
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        if (connector is not null)
        {
            await connector.DisposeAsync();
        }

        http.Dispose();
        if (dataFolder is not null && Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static string Built(string project, string assembly) =>
        Path.Combine(Repository.Root, project, "bin", "Release", "net10.0", assembly);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        connector = await TurnConnector.StartAsync();
        var simulatorPort = FreePort.Next();
        simulator = new Uri($"http://127.0.0.1:{simulatorPort}/");
        processes.Add(BotProcess.Start("dotnet", [Built("src/Integrify.Simulator", "Integrify.Simulator.dll")], new Dictionary<string, string>
        {
            ["Urls"] = simulator.ToString().TrimEnd('/'),
            ["Simulator__ControlApi"] = "true",
            ["Simulator__GeneratedUsers"] = options.People.ToString(CultureInfo.InvariantCulture),
            ["Simulator__JwtLifetime"] = "04:00:00",
            ["Logging__LogLevel__Default"] = "Warning",
        }));
        await ListeningAsync(simulator, processes[^1], cancellationToken);

        // The bot as an operator runs it, in demo mode (no Microsoft app id, as the echo bot): its own
        // appsettings.json, log levels and time budgets; polling and sending of notifications off.
        dataFolder = Path.Combine(Path.GetTempPath(), "integrifybot-load", Guid.NewGuid().ToString("N"));
        var botAssembly = Built("src/IntegrifyBot", "IntegrifyBot.dll");
        var botPort = FreePort.Next();
        var botProcess = BotProcess.Start("dotnet", [botAssembly], new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{botPort}",
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = dataFolder,
            ["Integrify__BaseUrl"] = simulator.ToString(),
            ["Integrify__Tenant"] = Tenant,
            ["Linking__ZeroTouch__Enabled"] = "false",
            ["Linking__TeamsJsUrl"] = string.Empty,
            ["Notifications__PollingEnabled"] = "false",
            ["Notifications__SendingEnabled"] = "false",
        }, workingDirectory: Path.GetDirectoryName(botAssembly));
        processes.Add(botProcess);
        bot = new Endpoint("bot", new Uri($"http://127.0.0.1:{botPort}/"), botProcess.Id, IsEcho: false);

        // The echo bot collects garbage as the bot does (the bot's runtimeconfig.json), so that the
        // two differ only in what their turns do.
        var echoPort = FreePort.Next();
        var echoProcess = BotProcess.Start("dotnet", [typeof(LoadBenchmark).Assembly.Location, "echo-bot"], new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{echoPort}",
            ["DOTNET_gcServer"] = ServerGc(botAssembly) ? "1" : "0",
        });
        processes.Add(echoProcess);
        echo = new Endpoint("echo", new Uri($"http://127.0.0.1:{echoPort}/"), echoProcess.Id, IsEcho: true);
        await ListeningAsync(new Uri(bot.Address, "healthz"), botProcess, cancellationToken);
        await ListeningAsync(new Uri(echo.Address, "healthz"), echoProcess, cancellationToken);
        output.WriteLine($"started the simulator, the bot (server GC: {ServerGc(botAssembly)}) and the echo bot, each in its own process");
    }

    private static bool ServerGc(string assembly)
    {
        var config = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(config));
        return document.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server) && server.GetBoolean();
    }

    private async Task ListeningAsync(Uri address, BotProcess process, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"A process did not start:\n{process.Output}\n{process.Errors}");
            }

            try
            {
                using var response = await http.GetAsync(address, cancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    /// <summary>Everyone gets open tasks (two approvals, then open-URL tasks), links in the bot with the card's password form, and signs in for the bare reads.</summary>
    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var people = Enumerable.Range(1, options.People).ToList();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (person, token) =>
        {
            for (var i = 0; i < options.TasksEach; i++)
            {
                using var assigned = await http.PostAsJsonAsync(new Uri(simulator, "_sim/tasks"), new { userName = UserName(person), taskType = i < 2 ? "approval" : "openUrl", requestName = $"Load {i + 1}" }, token);
                assigned.EnsureSuccessStatusCode();
            }

            var link = Execute(person, Guid.NewGuid().ToString("N"), "link.password", new JsonObject { ["userName"] = UserName(person), ["password"] = Password });
            using var linked = await PostAsync(bot, link);
            var answer = await linked.Content.ReadAsStringAsync(token);
            if (!linked.IsSuccessStatusCode || !answer.Contains("You're linked", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Person {person} was not linked: {(int)linked.StatusCode} {answer}");
            }

            using var signedIn = await http.PostAsJsonAsync(new Uri(simulator, $"api/auth/dbauth/{Tenant}"), new { username = UserName(person), password = Password }, token);
            signedIn.EnsureSuccessStatusCode();
            var jwt = (await signedIn.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("token").GetString()!;
            lock (integrifyTokens)
            {
                integrifyTokens[person] = jwt;
            }
        });
        output.WriteLine(FormattableString.Invariant($"{options.People} people given {options.TasksEach} tasks each and linked in the bot (its password form) in {watch.Elapsed.TotalSeconds:F1} s"));

        // Both bots and the reads warm up (JIT, connection pools, caches) before anything is measured.
        watch.Restart();
        foreach (var target in new[] { echo, bot })
        {
            await PhaseResult.RunAsync(4, 300, null, turn => TasksTurnAsync(target, turn));
            await PhaseResult.RunAsync(4, 300, null, turn => ClickTurnAsync(target, turn));
        }

        await PhaseResult.RunAsync(4, 300, null, ReadsAsync);
        output.WriteLine(FormattableString.Invariant($"warm-up: 300 turns of each kind on each bot, 300 sets of reads, at 4 concurrent, in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private async Task<IEnumerable<string>> LevelAsync(int level)
    {
        var turns = options.TurnsAt(level);
        var reads = await PhaseResult.RunAsync(level, turns, null, ReadsAsync);
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"{level} concurrent, {turns} turns of each kind on each bot:"));
        output.WriteLine(FormattableString.Invariant($"  Integrify reads a turn needs (T1, then T2 of each approval shown), bare over HTTP: p50 {reads.P50:F1} ms, p99 {reads.P99:F1} ms, {reads.AnsweredShare:P0} answered{reads.OthersText()}"));
        var rows = new List<string>();
        foreach (var (kind, turn) in new (string, Func<Endpoint, int, Task<TurnOutcome>>)[] { ("tasks", TasksTurnAsync), ("click", ClickTurnAsync) })
        {
            var echoed = await PhaseResult.RunAsync(level, turns, echo.ProcessId, index => turn(echo, index));
            var answered = await PhaseResult.RunAsync(level, turns, bot.ProcessId, index => turn(bot, index));
            var ratio = answered.CpuPerTurnMs / echoed.CpuPerTurnMs;
            output.WriteLine(FormattableString.Invariant($"  {kind,-5} echo: CPU {echoed.CpuPerTurnMs:F1} ms/turn, p50 {echoed.P50:F1} ms, p99 {echoed.P99:F1} ms, {echoed.AnsweredShare:P1} echoed{echoed.OthersText()}"));
            output.WriteLine(FormattableString.Invariant($"  {kind,-5} bot:  CPU {answered.CpuPerTurnMs:F1} ms/turn = {ratio:F2}× echo, p50 {answered.P50:F1} ms, p99 {answered.P99:F1} ms; added over echo p50 {Signed(answered.P50 - echoed.P50)} ms, p99 {Signed(answered.P99 - echoed.P99)} ms; over the reads p50 {Signed(answered.P50 - reads.P50)} ms, p99 {Signed(answered.P99 - reads.P99)} ms; {answered.AnsweredShare:P1} real answers{answered.OthersText()}"));
            if (options.Profile)
            {
                await ProfileAsync(kind, level, turns, index => turn(bot, index));
            }

            rows.Add(FormattableString.Invariant($"| {level} | {kind} | {echoed.CpuPerTurnMs:F1} ms | {answered.CpuPerTurnMs:F1} ms | {ratio:F2}× | {echoed.P50:F1} | {answered.P50:F1} | {echoed.P99:F1} | {answered.P99:F1} | {Signed(answered.P50 - echoed.P50)} / {Signed(answered.P99 - echoed.P99)} | {reads.P50:F1} / {reads.P99:F1} | {Signed(answered.P50 - reads.P50)} / {Signed(answered.P99 - reads.P99)} | {echoed.AnsweredShare:P1} / {answered.AnsweredShare:P1} |"));
        }

        return rows;
    }

    /// <summary>
    /// The same turns once more on the bot, with an EventPipe session attached to its process for
    /// exactly as long as they run: a run of their own, so that the session's cost stays out of the
    /// figures above.
    /// </summary>
    private async Task ProfileAsync(string kind, int level, int turns, Func<int, Task<TurnOutcome>> turn)
    {
        await using var profile = TurnProfile.Start(bot.ProcessId);
        var profiled = await PhaseResult.RunAsync(level, turns, bot.ProcessId, turn);
        var trace = await profile.StopAsync();
        var watch = Stopwatch.StartNew();
        var report = ProfileReport.Read(trace);
        report.Print(output, kind, turns, profiled.CpuPerTurnMs);
        output.WriteLine(FormattableString.Invariant($"    ({profiled.AnsweredShare:P1} real answers{profiled.OthersText()}; trace of {new FileInfo(trace).Length / 1024 / 1024} MB read in {watch.Elapsed.TotalSeconds:F0} s)"));
    }

    private static string Signed(double milliseconds) => (milliseconds < 0 ? "−" : "+") + Math.Abs(milliseconds).ToString("F1", CultureInfo.InvariantCulture);

    private static string UserName(int person) => string.Create(CultureInfo.InvariantCulture, $"user{person:D5}");

    private int PersonOf(int turn) => (turn % options.People) + 1;

    /// <summary>"tasks" typed in the personal chat: the answer is a message the bot sends to the connector.</summary>
    private async Task<TurnOutcome> TasksTurnAsync(Endpoint target, int turn)
    {
        var id = Guid.NewGuid().ToString("N");
        var activity = Activity(PersonOf(turn), id, "message");
        activity["text"] = "tasks";
        activity["textFormat"] = "plain";
        var reply = connector.ReplyTo(id);
        try
        {
            using var response = await PostAsync(target, activity);
            if (!response.IsSuccessStatusCode)
            {
                connector.Forget(id);
                return TurnOutcome.Instead($"HTTP {(int)response.StatusCode}");
            }

            var answer = await reply.WaitAsync(ReplyWait);
            if (target.IsEcho)
            {
                return answer.TryGetProperty("text", out var text) && text.GetString() == "tasks" ? TurnOutcome.Real : TurnOutcome.Instead("not an echo");
            }

            return answer.GetRawText().Contains(TaskListHeading, StringComparison.Ordinal)
                ? TurnOutcome.Real
                : TurnOutcome.Instead(answer.TryGetProperty("summary", out var summary) ? summary.GetString() ?? "card" : "card");
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or TaskCanceledException)
        {
            connector.Forget(id);
            return TurnOutcome.Instead(exception.GetType().Name);
        }
    }

    /// <summary>The list card's first-page button pressed (Action.Execute): it changes nothing; the answer is the invoke's response.</summary>
    private async Task<TurnOutcome> ClickTurnAsync(Endpoint target, int turn)
    {
        var activity = Execute(PersonOf(turn), Guid.NewGuid().ToString("N"), "tasks.page", new JsonObject { ["start"] = 0 });
        try
        {
            using var response = await PostAsync(target, activity);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return TurnOutcome.Instead($"HTTP {(int)response.StatusCode}");
            }

            if (target.IsEcho)
            {
                return body.Contains("tasks.page", StringComparison.Ordinal) ? TurnOutcome.Real : TurnOutcome.Instead("not an echo");
            }

            if (body.Contains(TaskListHeading, StringComparison.Ordinal))
            {
                return TurnOutcome.Real;
            }

            using var document = JsonDocument.Parse(body);
            return TurnOutcome.Instead(document.RootElement.TryGetProperty("value", out var card) && card.ValueKind == JsonValueKind.Object && card.TryGetProperty("fallbackText", out var fallback)
                ? fallback.GetString() ?? "card"
                : "card");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return TurnOutcome.Instead(exception.GetType().Name);
        }
    }

    /// <summary>What a "tasks" turn reads from Integrify, without the bot: T1, then T2 of each approval on the page at once.</summary>
    private async Task<TurnOutcome> ReadsAsync(int turn)
    {
        var jwt = integrifyTokens[PersonOf(turn)];
        try
        {
            using var list = new HttpRequestMessage(HttpMethod.Get, new Uri(simulator, $"api/instance/mytask/list?start=0&count={PageSize}&sort=dueDate&dir=asc"));
            list.Headers.Authorization = new("Bearer", jwt);
            using var listed = await http.SendAsync(list);
            if (!listed.IsSuccessStatusCode)
            {
                return TurnOutcome.Instead($"T1 HTTP {(int)listed.StatusCode}");
            }

            var page = await listed.Content.ReadFromJsonAsync<JsonElement>();
            var approvals = page.GetProperty("items").EnumerateArray()
                .Where(task => string.Equals(task.GetProperty("taskType").GetString(), "approval", StringComparison.OrdinalIgnoreCase))
                .Select(async task =>
                {
                    using var approval = new HttpRequestMessage(HttpMethod.Get, new Uri(simulator, $"api/instance/tasktypes/approval/{Uri.EscapeDataString(task.GetProperty("recipientTaskSid").GetString()!)}"));
                    approval.Headers.Authorization = new("Bearer", jwt);
                    using var read = await http.SendAsync(approval);
                    await read.Content.ReadAsByteArrayAsync();
                    return read.IsSuccessStatusCode;
                });
            return (await Task.WhenAll(approvals)).All(ok => ok) ? TurnOutcome.Real : TurnOutcome.Instead("T2 failed");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return TurnOutcome.Instead(exception.GetType().Name);
        }
    }

    private JsonObject Activity(int person, string id, string type) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ServiceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = $"29:load-{person}", ["name"] = $"Person {person}", ["aadObjectId"] = $"00000000-0000-0000-0002-{person:D12}" },
        ["recipient"] = new JsonObject { ["id"] = "28:integrify-bot", ["name"] = "Integrify" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TeamsTenantId, ["id"] = $"a:load-{person}" },
        ["locale"] = "en-US",
        ["localTimezone"] = "Europe/Berlin",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsTenantId } },
    };

    private JsonObject Execute(int person, string id, string verb, JsonObject data)
    {
        var activity = Activity(person, id, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "msg-card";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private Task<HttpResponseMessage> PostAsync(Endpoint target, JsonObject activity) =>
        http.PostAsync(new Uri(target.Address, "api/messages"), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
}
