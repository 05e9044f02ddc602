using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Microsoft's Teams emulator (Agents Playground, from npm) run offline on 127.0.0.1, driven over its
/// HTTP API as its own web UI drives it: it sends the bot Teams activities and is the connector the
/// bot replies to. What the bot sends arrives on the emulator's WebSocket.
/// </summary>
public sealed partial class AgentsPlayground : IAsyncDisposable
{
    public const string ConversationId = "e2e-personal";

    /// <summary>The emulator's own user, Alex Wilber, as its default configuration has him (its ids are not GUIDs).</summary>
    public const string UserId = "user-id-0";

    public const string UserAadObjectId = "00000000-0000-0000-0000-0000000000020";

    public const string TenantId = "00000000-0000-0000-0000-0000000000001";

    private readonly BotProcess process;
    private readonly ClientWebSocket socket = new();
    private readonly Channel<JsonElement> pushes = Channel.CreateUnbounded<JsonElement>();
    private readonly ClientWebSocket logSocket = new();
    private readonly Channel<JsonElement> logs = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource stopping = new();
    private Task? reading;
    private Task? logReading;

    private AgentsPlayground(BotProcess process, string workingFolder, string currentUserId, string personalChatId)
    {
        this.process = process;
        WorkingFolder = workingFolder;
        CurrentUserId = currentUserId;
        PersonalChatId = personalChatId;
    }

    /// <summary>Megan Bowen, one of the emulator's mock users, as its default configuration has her.</summary>
    public static PlaygroundUser Megan { get; } = new("user-id-1", "Megan Bowen", "meganb@example.com", "00000000-0000-0000-0000-0000000000021");

    /// <summary>Alex Wilber, the emulator's current user unless told otherwise.</summary>
    public static PlaygroundUser Alex { get; } = new(UserId, "Alex Wilber", "alexw@example.com", UserAadObjectId);

    /// <summary>The emulator's mock users as its default configuration has them (it wants at least five besides the current one).</summary>
    private static PlaygroundUser[] MockUsers =>
    [
        Alex,
        Megan,
        new("user-id-2", "Adele Vance", "adelev@example.com", "00000000-0000-0000-0000-0000000000022"),
        new("user-id-3", "Isaiah Langer", "isaiahl@example.com", "00000000-0000-0000-0000-0000000000023"),
        new("user-id-4", "Patti Fernandez", "pattif@example.com", "00000000-0000-0000-0000-0000000000024"),
        new("user-id-5", "Lynne Robbins", "lynner@example.com", "00000000-0000-0000-0000-0000000000025"),
    ];

    /// <summary>Who types and clicks in this emulator's page.</summary>
    public string CurrentUserId { get; }

    /// <summary>The current user's personal chat with the bot.</summary>
    public string PersonalChatId { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string WorkingFolder { get; }

    /// <param name="currentUser">
    /// Who uses the page, when not Alex: the emulator has no user switch in its page, so another
    /// person is another emulator, started with them as its configuration's current user.
    /// </param>
    public static async Task<AgentsPlayground> StartAsync(Uri botMessagesEndpoint, PlaygroundUser? currentUser = null)
    {
        NodeTools.EnsureInstalled();
        var folder = Directory.CreateTempSubdirectory("integrifybot-playground-").FullName;
        var personalChatId = ConversationId;
        if (currentUser is not null && currentUser != Alex)
        {
            personalChatId = $"{ConversationId}-{currentUser.Id}";
            await File.WriteAllTextAsync(Path.Combine(folder, ".m365agentsplayground.yml"), Configuration(currentUser, personalChatId));
        }

        var requestedPort = FreePort.Next();
        var process = BotProcess.Start(
            "node",
            [
                NodeTools.Path("node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
                "-e", botMessagesEndpoint.ToString(), "-c", "msteams", "-p", requestedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--disable-telemetry", "--conversation-id", personalChatId,
                "--service-url", $"http://127.0.0.1:{requestedPort}/_connector",
            ],
            new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none", ["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true" },
            workingDirectory: folder);
        var playground = new AgentsPlayground(process, folder, currentUser?.Id ?? UserId, personalChatId);
        try
        {
            await playground.WaitUntilReadyAsync(requestedPort);
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }

        return playground;
    }

    /// <summary>Installs the app in the personal chat: Teams sends installationUpdate and conversationUpdate.</summary>
    public async Task InstallAsync()
    {
        using var response = await Client.PostAsJsonAsync($"/_debug/conversation/{PersonalChatId}/installation", new { });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The current user (Alex Wilber) types a message in the personal chat.</summary>
    public async Task SendAsync(string text)
    {
        using var response = await Client.PostAsJsonAsync(
            $"/_conversation/v1/conversations/{PersonalChatId}/messages",
            new { from = new { id = CurrentUserId }, text, textFormat = "plain" });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Clicks an Action.Execute button of the card with the given message id; returns Teams' answer.</summary>
    public async Task<JsonElement> ExecuteAsync(string cardMessageId, JsonElement action)
    {
        using var response = await Client.PostAsJsonAsync("/_conversation/v1/invoke", new
        {
            name = "adaptiveCard/action",
            from = new { id = CurrentUserId },
            conversation = new { id = PersonalChatId },
            replyToId = cardMessageId,
            value = new { action = new { type = "Action.Execute", verb = action.GetProperty("verb").GetString(), data = action.GetProperty("data") }, trigger = "manual" },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The emulator answered {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The emulator's configuration as its page reads it: the current user, the other mock users
    /// (config.users), the personal chat and the group chats (config.groupChats, each with its id,
    /// name and members; without a configuration file the group chat's id is made up at each start).
    /// </summary>
    public async Task<JsonElement> TestConfigAsync()
    {
        using var response = await Client.GetAsync("/_internal/v1/testConfig");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("config").Clone();
    }

    /// <summary>
    /// An invoke as any of the emulator's mock users sends it (<paramref name="fromUserId"/>, such as
    /// user-id-1), in any of its conversations, about the message <paramref name="replyToId"/> if given;
    /// returns the bot's answer as the emulator hands it over. The page can only act as the current user.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(string name, string fromUserId, string conversationId, object value, string? replyToId = null)
    {
        using var response = await Client.PostAsJsonAsync("/_conversation/v1/invoke", new
        {
            name,
            from = new { id = fromUserId },
            conversation = new { id = conversationId },
            replyToId,
            value,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The emulator answered {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The next message the bot created in the chat, as the emulator shows it.</summary>
    public async Task<JsonElement> NextMessageAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var push = await pushes.Reader.ReadAsync(cancellation.Token);
                if (push.GetProperty("action").GetString() == "createMessage")
                {
                    return push.GetProperty("message");
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot sent nothing to the emulator in time. Emulator output:\n{process.Output}{process.Errors}");
        }
    }

    /// <summary>
    /// The next entry of the emulator's log panel for a call of this name (such as getConversationMember,
    /// a bot asking its connector for a member): the request and the emulator's response. The panel's
    /// WebSocket is opened on first use; the emulator keeps what was logged before that for the first
    /// client of the panel, so this works only while no browser shows the emulator's page.
    /// </summary>
    public async Task<JsonElement> NextLogAsync(string activityName, TimeSpan? timeout = null)
    {
        if (logReading is null)
        {
            await logSocket.ConnectAsync(new Uri($"ws://127.0.0.1:{BaseAddress.Port}/_ws/log/stream"), CancellationToken.None);
            logReading = ReadPushesAsync(logSocket, logs, stopping.Token);
        }

        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var push = await logs.Reader.ReadAsync(cancellation.Token);
                if (push.TryGetProperty("log", out var log) && log.TryGetProperty("activityName", out var name) && name.GetString() == activityName)
                {
                    return log;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The emulator logged no {activityName} in time. Emulator output:\n{process.Output}{process.Errors}");
        }
    }

    /// <summary>The emulator's configuration file with <paramref name="currentUser"/> as its user and Alex among the others.</summary>
    private static string Configuration(PlaygroundUser currentUser, string personalChatId)
    {
        static string Person(PlaygroundUser user, string indent) =>
            $"{indent}id: {user.Id}\n{indent}name: {user.Name}\n{indent}userPrincipleName: {user.Email}\n{indent}aadObjectId: {user.AadObjectId}\n" +
            $"{indent}givenName: {user.Name.Split(' ')[0]}\n{indent}surname: {user.Name.Split(' ')[^1]}\n{indent}email: {user.Email}\n";
        var others = MockUsers.Where(user => user != currentUser);
        return $"version: \"0.1.1\"\ntenantId: {TenantId}\nbot:\n  id: 00000000-0000-0000-0000-00000000000011\n  name: Test Bot\n"
            + "currentUser:\n" + Person(currentUser, "  ")
            + "users:\n" + string.Concat(others.Select(user => "  -" + Person(user, "    ")[3..]))
            + $"personalChat:\n  id: {personalChatId}\n"
            + $"groupChat:\n  id: {personalChatId}-group\n  name: Group Chat\n"
            + "team:\n  id: team-id\n  name: My Team\n  aadGroupId: 00000000-0000-0000-0000-000000000031\n  channels:\n    - id: channel-announcements-id\n      name: Announcements\n";
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var task in new[] { reading, logReading })
        {
            if (task is not null)
            {
                await task.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        socket.Dispose();
        logSocket.Dispose();
        Client?.Dispose();
        await process.DisposeAsync();
        stopping.Dispose();
    }

    private async Task WaitUntilReadyAsync(int requestedPort)
    {
        // It prints "Listening on N", with another port when the one asked for was taken meanwhile.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        int? port = null;
        while (port is null)
        {
            var match = ListeningOn().Match(process.Output);
            if (match.Success)
            {
                port = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The Teams emulator did not start.\n{process.Output}{process.Errors}");
            }
            else
            {
                await Task.Delay(100);
            }
        }

        Assert.True(port == requestedPort, $"Port {requestedPort} was taken; the emulator's serviceUrl would point elsewhere.");
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            try
            {
                using var ping = await Client.GetAsync("/_debug/ping");
                if (ping.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            await Task.Delay(100);
        }

        // Connect before anything is sent: the emulator hands pushes queued earlier to the first client only.
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        reading = ReadPushesAsync(socket, pushes, stopping.Token);
    }

    private static async Task ReadPushesAsync(ClientWebSocket socket, Channel<JsonElement> pushes, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                using var document = JsonDocument.Parse(text);
                await pushes.Writer.WriteAsync(document.RootElement.Clone(), cancellationToken);
            }
        }
    }

    [GeneratedRegex(@"^Listening on (\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ListeningOn();
}
