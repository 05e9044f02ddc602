using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Xunit.Abstractions;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// A few hundred notifications for many people of one tenant, through the real sender and adapter,
/// to a connector that enforces Teams' limits as Teams does (sliding windows, 429 with Retry-After):
/// every one arrives once, none is lost, and Teams rarely has to push back.
/// </summary>
public sealed class TeamsLimitsTests(ITestOutputHelper output)
{
    // Enough people, with a few tasks each, that the tenant's 30 a second (not each chat's 7) is the
    // limit that binds; few enough messages that a loaded machine sends them in well under a minute.
    private const int People = 100;
    private const int TasksEach = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Keeping_teams_limits_every_notification_arrives_once_and_teams_barely_pushes_back()
    {
        await using var crowd = await CrowdBot.StartAsync(People, TeamsLimits.Published);

        await EveryNotificationArrivesOnceAsync(crowd);

        // The bot counts a message in its windows until Teams answers it, so the windows hold at
        // Teams' end: only a message that took over a second from its slot to Teams could be refused.
        Assert.InRange(crowd.Connector.Throttled, 0, 3);
    }

    [Fact]
    public async Task Sending_faster_than_teams_allows_loses_nothing_and_duplicates_nothing()
    {
        // Half Teams' tenant limit at the connector, so that it must push back even if a loaded machine
        // cannot prepare 30 notifications a second.
        await using var crowd = await CrowdBot.StartAsync(People, TeamsLimits.Published with { TenantPerSecond = 15 }, new Dictionary<string, string?> { ["Notifications:TenantMessagesPerSecond"] = "1000" });

        await EveryNotificationArrivesOnceAsync(crowd);

        // The first 429 pauses the tenant: only the messages already on their way are refused with
        // it (at most Notifications:SendConcurrency, 16). After the pause the tenant gets a little less
        // than Teams took in the second before, for longer than this run: a stray refusal at most.
        Assert.InRange(crowd.Connector.Throttled, 1, 16 + 4);
    }

    /// <summary>Queues a few tasks for each person and waits for every row to settle: each sent, each card arrived once.</summary>
    private async Task EveryNotificationArrivesOnceAsync(CrowdBot crowd)
    {
        var queued = await crowd.QueueAsync(People, TasksEach, CancellationToken.None);

        var states = await crowd.SettledAsync(Deadline, CancellationToken.None);
        Report(crowd, states);
        Assert.Equal(queued.Count, states.GetValueOrDefault(NotificationState.Sent));
        Assert.Equal(Sorted(queued), Sorted(crowd.Delivered()));
        Assert.Equal([NotificationState.Sent], states.Keys);
    }

    private static List<string> Sorted(IEnumerable<CrowdTask> tasks) => [.. tasks.Select(task => $"{task.ConversationId} #{task.InstanceId}").Order(StringComparer.Ordinal)];

    private void Report(CrowdBot crowd, IReadOnlyDictionary<NotificationState, int> states)
    {
        var accepted = crowd.Connector.History.Where(c => c.Method == "POST" && c.Status == 200).Select(c => c.At).Order().ToList();
        var span = accepted.Count > 1 ? (accepted[^1] - accepted[0]).TotalSeconds : 0;
        output.WriteLine($"states {string.Join(", ", states.Select(s => $"{s.Key}={s.Value}"))}; accepted {crowd.Connector.Accepted}, 429s {crowd.Connector.Throttled}; {span:F1} s from first to last = {(accepted.Count - 1) / span:F1}/s");
    }
}
