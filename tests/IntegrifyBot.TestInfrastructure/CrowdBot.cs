using System.Text.Json;
using System.Text.RegularExpressions;
using Integrify.Simulator;
using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The real bot in demo mode on the system clock with many linked people of one Teams tenant
/// (<see cref="LinkedCrowd"/>): the simulator with as many generated users over HTTP, and a
/// connector that enforces Teams' limits when given them. Without xunit, so that the benchmark
/// runs it too.
/// </summary>
public sealed partial class CrowdBot : IAsyncDisposable
{
    private CrowdBot(SimulatorHost simulator, LocalConnector connector, BotApp bot)
    {
        Simulator = simulator;
        Connector = connector;
        Bot = bot;
    }

    public SimulatorHost Simulator { get; }

    public LocalConnector Connector { get; }

    public BotApp Bot { get; }

    /// <param name="settings">The bot's settings over these: polling off (tests poll by hand), Integrify is the simulator.</param>
    public static async Task<CrowdBot> StartAsync(int people, TeamsLimits? limits, IDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        // A JWT outlives the run, so that what is measured is notifications, not renewals.
        var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { GeneratedUsers = people, JwtLifetime = TimeSpan.FromHours(2) }, cancellationToken);
        var connector = await LocalConnector.StartAsync(limits);
        var all = new Dictionary<string, string?>
        {
            ["Integrify:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify:Tenant"] = simulator.Options.Tenant,
            ["Linking:ZeroTouch:Enabled"] = "false",
            ["Linking:TeamsJsUrl"] = string.Empty,
            ["Notifications:PollingEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var bot = BotApp.Demo(all);
        var crowd = new CrowdBot(simulator, connector, bot);
        await LinkedCrowd.LinkAsync(bot.Services, connector.ServiceUrl, people, concurrency: 8, cancellationToken);
        return crowd;
    }

    public T Service<T>()
        where T : notnull => Bot.Services.GetRequiredService<T>();

    /// <summary>
    /// Gives people 1 to <paramref name="people"/> <paramref name="each"/> new approvals in the
    /// simulator and queues them in the outbox person after person, as a poll cycle does; then wakes
    /// the sender.
    /// </summary>
    public async Task<IReadOnlyList<CrowdTask>> QueueAsync(int people, int each, CancellationToken cancellationToken)
    {
        var outbox = Service<NotificationOutbox>();
        var queued = new List<CrowdTask>();
        for (var person = 1; person <= people; person++)
        {
            for (var i = 0; i < each; i++)
            {
                var task = Simulator.Control.AssignTask(new TaskAssignment { UserName = SimulatorOptions.GeneratedUserName(person), RequestName = $"Order {i + 1}" });
                if (!await outbox.EnqueueAsync(LinkedCrowd.TeamsUser(person), task.RecipientTaskSid, NotificationSource.Poll, message: null, cancellationToken))
                {
                    throw new InvalidOperationException("The task was already in the outbox.");
                }

                queued.Add(new CrowdTask(LinkedCrowd.ConversationId(person), task.InstanceId));
            }
        }

        Service<NotificationSignal>().Wake();
        return queued;
    }

    /// <summary>How many outbox rows are in each state.</summary>
    public async Task<IReadOnlyDictionary<NotificationState, int>> StatesAsync(CancellationToken cancellationToken)
    {
        await using var database = await Service<IDbContextFactory<BotDbContext>>().CreateDbContextAsync(cancellationToken);
        var counts = await database.Notifications.AsNoTracking().GroupBy(n => n.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>Waits until no row is waiting to be sent; the states then, or the last seen at <paramref name="deadline"/>.</summary>
    public async Task<IReadOnlyDictionary<NotificationState, int>> SettledAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var states = await StatesAsync(cancellationToken);
            if (!states.ContainsKey(NotificationState.Pending) && !states.ContainsKey(NotificationState.Failed) || DateTime.UtcNow > until)
            {
                return states;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The tasks whose cards the connector took, one entry per card (a task twice is a duplicate).</summary>
    public IReadOnlyList<CrowdTask> Delivered() =>
        [.. Connector.History.Where(call => call.Method == "POST" && call.Status == 200).Select(call => new CrowdTask(call.ConversationId, InstanceIdOf(call.Card)))];

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Simulator.DisposeAsync();
    }

    /// <summary>The request number the card announces ("#1042 · Order 3").</summary>
    private static long InstanceIdOf(JsonElement card)
    {
        foreach (var text in Strings(card))
        {
            if (RequestNumber().Match(text) is { Success: true } match)
            {
                return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("The card names no request: " + card);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Strings(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"#(\d+) · ")]
    private static partial Regex RequestNumber();
}
