using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.Integrify;
using IntegrifyBot.TestInfrastructure;
using Xunit.Abstractions;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>
/// Many people writing to the bot at the same moment (9 a.m.), through /api/messages over real HTTP
/// to the real bot and the simulator: a healthy Integrify gives everyone their real answer however
/// slow the machine, and a failing one gives everyone the outage card, quickly, with the breaker open.
/// </summary>
public sealed class BurstTests(ITestOutputHelper output)
{
    private const int People = 50;

    private const string Outage = "Integrify isn't answering";
    private const string Busy = "I'm busy right now";
    private const string TooLong = "That is taking too long";

    // Only stops a hang from stalling the suite: a slow machine makes the burst slower, never failing.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_burst_of_500_turns_against_a_healthy_integrify_gets_every_real_answer()
    {
        // The turn budget of a message (Bot:MessageTimeout, 12 s) covers the wait for a slot toward
        // Integrify: that is how long a person waits. Five hundred turns at once on a loaded two-core
        // machine can take longer than that from first to last, and then the last ones would rightly
        // get "That is taking too long" (measured: 120 of 500 on a loaded two-core box, none of them
        // "isn't answering"). This test is about the answers, not that machine's speed, so the budget is
        // the longest the bot allows. A turn budget that starts only once a turn is admitted is not built yet.
        await using var crowd = await CrowdBot.StartAsync(People, limits: null, new Dictionary<string, string?> { ["Bot:MessageTimeout"] = "00:01:00" });

        var (answers, elapsed) = await BurstAsync(crowd, 500, turn => turn % 2 == 0 ? "tasks" : "status");

        Report("healthy", answers, elapsed, crowd);
        Assert.Equal(500, answers.Count);
        Assert.DoesNotContain(answers, answer => answer.Texts.Contains(Outage, StringComparison.Ordinal) || answer.Texts.Contains(Busy, StringComparison.Ordinal) || answer.Texts.Contains(TooLong, StringComparison.Ordinal));
        foreach (var answer in answers)
        {
            Assert.True(IsRealAnswer(answer), $"{answer.Person} asked {answer.Text} and got: {answer.Texts}");
        }

        Assert.Equal(Enumerable.Repeat(10, People), answers.GroupBy(answer => answer.Person).OrderBy(group => group.Key).Select(group => group.Count()));
        Assert.DoesNotContain(crowd.Service<IntegrifyCallLoad>().Snapshot(), host => host.BreakerOpen);
    }

    [Fact]
    public async Task A_burst_against_a_failing_integrify_gets_the_outage_card_quickly_and_opens_the_breaker()
    {
        await using var crowd = await CrowdBot.StartAsync(People, limits: null);
        crowd.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/", Status = 500 });

        var (answers, elapsed) = await BurstAsync(crowd, 200, turn => turn % 2 == 0 ? "tasks" : "status");

        Report("failing", answers, elapsed, crowd);
        Assert.Equal(200, answers.Count);
        Assert.All(answers, answer => Assert.Contains(Outage, answer.Texts, StringComparison.Ordinal));

        // Quickly: once open, the breaker answers without calling Integrify, so far fewer calls reached
        // it than the turns' three attempts each would have made, and none waited out a timeout.
        var attempts = crowd.Simulator.Counters.Calls("T1") + crowd.Simulator.Counters.Calls("U1");
        Assert.True(attempts < 200, $"{attempts} attempts reached Integrify for 200 turns.");
        Assert.Contains(crowd.Service<IntegrifyCallLoad>().Snapshot(), host => host.BreakerOpen);

        using var client = crowd.Bot.CreateBotClient();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("Degraded", body, StringComparison.Ordinal);
        Assert.Contains("circuit breaker open", body, StringComparison.Ordinal);
    }

    private static bool IsRealAnswer(Answer answer) => answer.Text == "status"
        ? answer.Texts.Contains(SimulatorOptions.GeneratedUserName(answer.Person), StringComparison.Ordinal)
        : answer.Texts.StartsWith("Your tasks", StringComparison.Ordinal);

    /// <summary>Sends <paramref name="turns"/> messages at once, person after person in turn, and collects the answer of each.</summary>
    private static async Task<(List<Answer> Answers, TimeSpan Elapsed)> BurstAsync(CrowdBot crowd, int turns, Func<int, string> textOf)
    {
        using var client = new HttpClient { BaseAddress = crowd.Bot.BaseAddress, Timeout = Guard };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = Stopwatch.GetTimestamp();
        var posts = Enumerable.Range(0, turns).Select(async turn =>
        {
            await go.Task;
            var person = (turn % People) + 1;
            var text = textOf(turn);
            using var response = await client.PostAsJsonAsync("/api/messages", Message(crowd, person, text, turn));
            return (Turn: turn, response.StatusCode);
        }).ToList();
        started = Stopwatch.GetTimestamp();
        go.SetResult();
        var statuses = await Task.WhenAll(posts).WaitAsync(Guard);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status.StatusCode));

        // A message's turn sends its answer before /api/messages answers: every answer has arrived.
        var answers = new List<Answer>();
        foreach (var call in crowd.Connector.History.Where(call => call.Method == "POST" && call.Activity.GetProperty("type").GetString() == "message"))
        {
            var replyTo = call.Activity.TryGetProperty("replyToId", out var id) ? id.GetString() : null;
            var turn = replyTo is not null && replyTo.StartsWith("burst-", StringComparison.Ordinal) ? int.Parse(replyTo["burst-".Length..], System.Globalization.CultureInfo.InvariantCulture) : -1;
            var texts = call.Activity.TryGetProperty("attachments", out _) ? LinkingBot.Texts(call.Card) : call.Text ?? string.Empty;
            answers.Add(new Answer(turn, (turn % People) + 1, turn >= 0 ? textOf(turn) : "?", texts));
        }

        return (answers, elapsed);
    }

    private static JsonObject Message(CrowdBot crowd, int person, string text, int turn)
    {
        var activity = TeamsActivities.Message(crowd.Connector.ServiceUrl, text);
        activity["id"] = $"burst-{turn}";
        activity["from"] = new JsonObject { ["id"] = $"29:crowd-{person:D5}", ["name"] = $"Person {person}", ["aadObjectId"] = LinkedCrowd.TeamsUser(person).UserId };
        activity["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = LinkedCrowd.TenantId, ["id"] = LinkedCrowd.ConversationId(person) };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = LinkedCrowd.TenantId } };
        return activity;
    }

    private void Report(string name, List<Answer> answers, TimeSpan elapsed, CrowdBot crowd)
    {
        var kinds = answers.GroupBy(answer => answer.Texts.Split('\n')[0]).Select(group => $"{group.Count()}× “{group.Key}”");
        output.WriteLine($"{name}: {answers.Count} answers in {elapsed.TotalSeconds:F1} s: {string.Join(", ", kinds)}");
        output.WriteLine(string.Join(Environment.NewLine, crowd.Service<IntegrifyCallLoad>().Snapshot()));
    }

    private sealed record Answer(int Turn, int Person, string Text, string Texts);
}
