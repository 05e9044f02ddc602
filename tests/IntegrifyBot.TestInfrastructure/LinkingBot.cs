using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The real bot in demo mode, talking over HTTP to a simulator the test controls, replying to a local
/// connector; both share one hand-moved clock, so token expiry is tested without waiting for it.
/// </summary>
public sealed class LinkingBot : IAsyncDisposable
{
    /// <summary>The simulator's JWTs live this long, so moving the clock past it expires them.</summary>
    public static readonly TimeSpan JwtLifetime = TimeSpan.FromMinutes(5);

    private LinkingBot(SimulatorHost simulator, LocalConnector connector, BotApp bot, ManualClock clock, RecordedLogs logs, OutboundCalls outbound)
    {
        Outbound = outbound;
        Simulator = simulator;
        Connector = connector;
        Bot = bot;
        Clock = clock;
        Logs = logs;
        Client = bot.CreateBotClient();
    }

    public SimulatorHost Simulator { get; }

    public LocalConnector Connector { get; }

    public BotApp Bot { get; }

    public ManualClock Clock { get; }

    public RecordedLogs Logs { get; }

    /// <summary>Every request the bot's HTTP clients made (replies, member look-ups, Integrify).</summary>
    public OutboundCalls Outbound { get; }

    public HttpClient Client { get; }

    /// <summary>A browser for the sign-in page, with its own cookies.</summary>
    public SignInPageBrowser Browser { get; } = new();

    /// <summary>The Teams user of the activity files (Alex), as the bot keys him.</summary>
    public static IntegrifyUser Alex { get; } = new(TeamsActivities.TenantId, TeamsActivities.UserAadObjectId);

    /// <param name="simulatorOptions">Changes to the simulator's options (its demo's own new tasks, say).</param>
    /// <param name="services">Replaces services after the bot and this driver registered theirs (a recording store, say).</param>
    public static async Task<LinkingBot> StartAsync(IDictionary<string, string?>? settings = null, Action<SimulatorOptions>? simulatorOptions = null, Action<IServiceCollection>? services = null)
    {
        var clock = new ManualClock();
        var options = new SimulatorOptions { JwtLifetime = JwtLifetime };
        simulatorOptions?.Invoke(options);
        var simulator = await SimulatorHost.StartAsync(options, clock);
        var connector = await LocalConnector.StartAsync();
        var logs = new RecordedLogs();
        var outbound = new OutboundCalls();
        var all = new Dictionary<string, string?>
        {
            ["Integrify:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify:Tenant"] = simulator.Options.Tenant,
            ["Integrify:OrganizationKey"] = "demo-org-key",
            ["Linking:ZeroTouch:Enabled"] = "false",

            // No outside host in tests: the page shows its code instead of loading Teams' library.
            ["Linking:TeamsJsUrl"] = string.Empty,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var bot = BotApp.Demo(all, registered =>
        {
            registered.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            registered.AddSingleton<ILoggerProvider>(logs);
            outbound.Watch(registered);
            services?.Invoke(registered);
        });
        return new LinkingBot(simulator, connector, bot, clock, logs, outbound);
    }

    public T Service<T>()
        where T : notnull => Bot.Services.GetRequiredService<T>();

    public Task<IntegrifyCredential?> StoredAsync(IntegrifyUser? user = null) =>
        Service<IIntegrifyTokenStore>().FindAsync(user ?? Alex, CancellationToken.None);

    public async Task<BotDbContext> DatabaseAsync() =>
        await Service<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();

    /// <summary>Sends a message as Alex in his personal chat and returns the card the bot answers with.</summary>
    public Task<JsonElement> SayAsync(string text) => SendAsync(TeamsActivities.Message(Connector.ServiceUrl, text));

    public async Task<JsonElement> SendAsync(JsonObject activity)
    {
        using var response = await Client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();

        // On a busy machine a slow answer comes after Teams' typing indicator: the answer is the card.
        var sent = await Connector.NextAsync();
        while (sent.Activity.GetProperty("type").GetString() == "typing")
        {
            sent = await Connector.NextAsync();
        }

        return sent.Card;
    }

    /// <summary>Presses an Action.Execute button as Alex and returns the card Teams would show in its place.</summary>
    /// <param name="conversation">Where the card is, when not in Alex's personal chat.</param>
    /// <param name="from">Who presses it, when not Alex (<see cref="Person"/>).</param>
    public async Task<JsonElement> ClickAsync(string verb, JsonObject data, JsonObject? conversation = null, JsonObject? from = null)
    {
        var activity = TeamsActivities.Execute(Connector.ServiceUrl, verb, data);
        if (conversation is not null)
        {
            activity["conversation"] = conversation;
        }

        if (from is not null)
        {
            activity["from"] = from;
        }

        using var response = await Client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var answer = await ReplyReading.ReadJsonAsync(response);
        Assert.Equal(200, answer.GetProperty("statusCode").GetInt32());
        return answer.GetProperty("value");
    }

    /// <summary>
    /// Sends an invoke other than a card button (the message extension's) as Alex, or as <paramref name="from"/>,
    /// in his personal chat or <paramref name="conversation"/>, and returns the body of the bot's answer.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(string name, JsonObject value, JsonObject? from = null, JsonObject? conversation = null)
    {
        var activity = TeamsActivities.Invoke(Connector.ServiceUrl, name, (JsonObject)value.DeepClone());
        if (from is not null)
        {
            activity["from"] = from.DeepClone();
        }

        if (conversation is not null)
        {
            activity["conversation"] = conversation.DeepClone();
        }

        using var response = await Client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReplyReading.ReadJsonAsync(response);
    }

    /// <summary>Links another Teams user (<see cref="Person"/>) to a simulator user, with the in-card password form.</summary>
    public async Task LinkAsync(JsonObject person, string userName)
    {
        var card = await ClickAsync("link.password", new JsonObject { ["userName"] = userName, ["password"] = "Passw0rd!" }, from: (JsonObject)person.DeepClone());
        Assert.Contains("You're linked", Texts(card), StringComparison.Ordinal);
    }

    /// <summary>Teams' sign-in popup handing the page's magic code back to the bot, as Alex.</summary>
    public JsonObject VerifyState(string code)
    {
        var activity = TeamsActivities.Load("invoke-execute", Connector.ServiceUrl);
        activity["name"] = "signin/verifyState";
        activity["value"] = new JsonObject { ["state"] = code };
        return activity;
    }

    /// <summary>Another Teams user of Alex's tenant, as an activity's "from" names them; the same <paramref name="number"/> is the same person.</summary>
    public static JsonObject Person(int number) => new()
    {
        ["id"] = $"29:person-{number}",
        ["aadObjectId"] = $"00000000-0000-0000-0001-{number:D12}",
        ["name"] = $"Person {number}",
    };

    /// <summary>The sign-in page states kept for Alex, open or waiting for their code.</summary>
    public async Task<int> OpenSignInsAsync()
    {
        await using var database = await DatabaseAsync();
        return await database.SignInStates.CountAsync(s => s.TeamsTenantId == Alex.TeamsTenantId && s.UserKey == Alex.UserId);
    }

    /// <summary>The rows counting against Alex's sign-ins: refused ones, and those reserved and not yet answered.</summary>
    public async Task<int> SignInFailuresAsync()
    {
        await using var database = await DatabaseAsync();
        return await database.SignInFailures.CountAsync(f => f.TeamsTenantId == Alex.TeamsTenantId && f.UserKey == Alex.UserId);
    }

    /// <summary>Links the activity files' Alex to the simulator's alexw with the in-card password form.</summary>
    public Task LinkAlexAsync() => LinkAlexAsync(Client, Connector.ServiceUrl);

    /// <summary>Alex as Teams' member directory describes him, with the address zero-touch linking reads.</summary>
    public void ListAlexAsMember(string email = "alexw@example.com", string? userPrincipalName = null) =>
        Connector.Members[TeamsActivities.UserId] = new
        {
            id = TeamsActivities.UserId,
            aadObjectId = TeamsActivities.UserAadObjectId,
            name = "Alex Wilber",
            email,
            userPrincipalName = userPrincipalName ?? email,
            tenantId = TeamsActivities.TenantId,
        };

    /// <summary>
    /// Links Alex, in his personal chat (whose address the bot then keeps), through any bot's
    /// /api/messages: one in this process or a published one.
    /// </summary>
    /// <param name="tenantId">Another Teams tenant to link him in (a guest account, say), with a personal chat of its own; his own by default.</param>
    public static async Task LinkAlexAsync(HttpClient bot, Uri serviceUrl, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var activity = TeamsActivities.Execute(serviceUrl, "link.password", new JsonObject { ["userName"] = "alexw", ["password"] = "Passw0rd!" });
        if (tenantId is not null)
        {
            activity["conversation"]!["tenantId"] = tenantId;
            activity["conversation"]!["id"] = $"{TeamsActivities.PersonalConversationId}-{tenantId}";
            activity["channelData"]!["tenant"]!["id"] = tenantId;
        }

        using var response = await bot.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), activity);
        response.EnsureSuccessStatusCode();
        var answer = await ReplyReading.ReadJsonAsync(response);
        Assert.Contains("You're linked", Texts(answer.GetProperty("value")), StringComparison.Ordinal);
    }

    public static string Texts(JsonElement card) => ReplyReading.CardTexts(card);

    /// <summary>The address the card's Teams sign-in button opens.</summary>
    public static Uri SignInPage(JsonElement card)
    {
        foreach (var action in card.GetProperty("actions").EnumerateArray())
        {
            if (action.TryGetProperty("data", out var data) && data.TryGetProperty("msteams", out var teams) && teams.GetProperty("type").GetString() == "signin")
            {
                return new Uri(teams.GetProperty("value").GetString()!);
            }
        }

        throw new InvalidOperationException("The card has no sign-in button: " + card);
    }

    /// <summary>Every input on the card, nested cards included, by id.</summary>
    public static Dictionary<string, JsonElement> Inputs(JsonElement card)
    {
        var inputs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        Collect(card);
        return inputs;

        void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
                {
                    inputs[element.GetProperty("id").GetString()!] = element;
                }

                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        Client.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
