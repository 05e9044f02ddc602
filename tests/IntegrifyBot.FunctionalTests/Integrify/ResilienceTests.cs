using Integrify.Simulator;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>
/// Faults injected at the simulator: reads are tried again within the interactive budget, anything
/// that changes Integrify is never repeated, and every failure surfaces as a typed error.
/// </summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    // Only stops a hang from stalling the suite: these tests are about what is tried again, not when.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    // Twice the client's total budget as shipped (4 s), for the one test about that budget.
    private static readonly TimeSpan BudgetGuard = TimeSpan.FromSeconds(8);

    private SimulatorHost simulator = null!;
    private IntegrifyClients client = null!;
    private IntegrifyUser alex = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions { ControlApi = true });
        client = new IntegrifyClients(simulator.BaseAddress);
        alex = await client.SignInAsync("alexw");
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(503, false)]
    [InlineData(null, true)]
    public async Task A_read_that_fails_once_is_tried_again_and_succeeds(int? status, bool drop)
    {
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", Status = status, Drop = drop, Times = 1 });

        var tasks = await client.Tasks.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None).WaitAsync(Guard);

        Assert.Equal(12, tasks.Total);
        Assert.Equal(2, simulator.Counters.Calls("T1"));
    }

    [Fact]
    public async Task A_user_search_that_fails_once_is_tried_again_like_any_read()
    {
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/users", Status = 503, Times = 1 });

        var found = await client.Users.SearchUsersAsync(alex, UserQuery.Typed("megan"), CancellationToken.None).WaitAsync(Guard);

        Assert.Equal("meganb", Assert.Single(found.Items).UserName);
        Assert.Equal(1, simulator.Counters.Calls("U2", "503"));
        Assert.Equal(2, simulator.Counters.Calls("U2"));
    }

    [Fact]
    public async Task A_429_is_tried_again_no_sooner_than_retry_after_says()
    {
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", Status = 429, RetryAfterSeconds = 1, Times = 1 });
        var started = TimeProvider.System.GetTimestamp();

        var tasks = await client.Tasks.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None).WaitAsync(Guard);

        Assert.Equal(12, tasks.Total);
        Assert.Equal(1, simulator.Counters.Calls("T1", "429"));
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(1), "The retry came before Retry-After.");
    }

    [Fact]
    public async Task A_completion_that_fails_is_never_sent_again()
    {
        var task = (await client.Tasks.ListMyTasksAsync(alex, new ListQuery { Count = 100 }, CancellationToken.None)).Items.First(item => item.TaskType == "approval");
        var approval = await client.Tasks.GetApprovalAsync(alex, task.RecipientTaskSid, CancellationToken.None);
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/tasktypes/approval/", Status = 503, Times = 1 });

        var failure = await Assert.ThrowsAsync<IntegrifyUnavailableException>(() =>
            client.Tasks.CompleteApprovalAsync(alex, task.RecipientTaskSid, new ApprovalDecision(approval.Choices[0].Value, "ok"), CancellationToken.None).WaitAsync(Guard));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.Equal(1, simulator.Counters.CompletionAttempts(task.RecipientTaskSid));
        Assert.Equal(0, simulator.Counters.Completions(task.RecipientTaskSid));
    }

    [Fact]
    public async Task A_dropped_connection_on_a_start_is_not_repeated()
    {
        var process = (await client.Requests.SearchProcessesAsync(alex, "purchase", CancellationToken.None))[0];
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/start/", Drop = true, Times = 1 });

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() =>
            client.Requests.StartRequestAsync(alex, process.Sid, "Monitor for Jordan", new Dictionary<string, string>(), CancellationToken.None).WaitAsync(Guard));

        Assert.Equal(1, simulator.Counters.Calls("R2"));
    }

    [Fact]
    public async Task A_cancel_that_fails_is_not_repeated_although_it_is_a_get()
    {
        var request = (await client.Requests.ListRequestsAsync(alex, new ListQuery { Count = 100 }, CancellationToken.None)).Items.First(item => item.Status == "Started");
        simulator.Faults.Add(new FaultSpec { PathPrefix = $"/api/instance/{request.Sid}/cancel", Status = 500, Times = 1 });

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => client.Requests.CancelRequestAsync(alex, request.Sid, CancellationToken.None).WaitAsync(Guard));

        Assert.Equal(1, simulator.Counters.Calls("R5"));
    }

    [Fact]
    public async Task A_hanging_integrify_gives_a_typed_error_within_the_interactive_budget()
    {
        // A client with the budgets the bot ships with, signed in as Alex already and warmed up, so
        // that only the hanging call is timed.
        await using var shipped = new IntegrifyClients(simulator.BaseAddress, store: client.Store, settings: TestBudgets.IntegrifyAsShipped);
        await WarmUpAsync(shipped);
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", LatencyMs = 60_000 });

        // The guard is the test's own limit: the client must give up by itself before it.
        var error = await Assert.ThrowsAnyAsync<IntegrifyException>(() => shipped.Tasks.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None).WaitAsync(BudgetGuard));

        // Integrify is blamed, unless this process itself ran a second late meanwhile (a loaded
        // machine): then the bot was too busy to tell, and says so rather than report an outage.
        Assert.True(
            error is IntegrifyUnavailableException || (error is IntegrifyBusyException && shipped.Load.ExcusesTimeout(new IntegrifyOptions().AttemptTimeout)),
            $"{error.GetType().Name}: {error.Message}");
    }

    /// <summary>Reads Alex's tasks until a call succeeds: the first ones on a busy machine may outlast a tight budget.</summary>
    private async Task WarmUpAsync(IntegrifyClients warming)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await warming.Tasks.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None).WaitAsync(Guard);
                return;
            }
            catch (IntegrifyException exception) when ((exception is IntegrifyUnavailableException or IntegrifyBusyException) && attempt < 10)
            {
            }
        }
    }

    [Fact]
    public async Task A_read_that_keeps_failing_ends_as_a_typed_error_after_the_allowed_retries()
    {
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", Status = 502 });

        var failure = await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => client.Tasks.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None).WaitAsync(Guard));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, failure.Status);
        Assert.Equal(3, simulator.Counters.Calls("T1"));
    }

    [Fact]
    public async Task When_integrify_keeps_failing_calls_stop_reaching_it_for_a_while()
    {
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/user/current", Status = 500 });
        var failures = new List<IntegrifyUnavailableException>();

        for (var call = 0; call < 12; call++)
        {
            failures.Add(await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => client.Users.GetCurrentUserAsync(alex, CancellationToken.None).WaitAsync(Guard)));
        }

        // Each call is 3 attempts until the circuit opens; after that, calls fail without reaching Integrify.
        Assert.True(simulator.Counters.Calls("U1") < 12 * 3, $"{simulator.Counters.Calls("U1")} attempts reached Integrify.");
        Assert.Contains(failures, failure => failure.InnerException is Polly.CircuitBreaker.BrokenCircuitException);
    }

    [Fact]
    public async Task Time_a_call_waits_for_its_slot_in_the_bot_does_not_count_against_integrifys_timeouts()
    {
        // One call toward Integrify at a time; Integrify takes 6 s over each of the three calls below.
        // Counted from when they were made, the third would have waited 12 s for its slot and taken 18 s
        // in all, past both time-outs; counted from when each leaves, each takes 6 s, within them.
        await using var oneAtATime = new IntegrifyClients(simulator.BaseAddress, store: client.Store, settings: new Dictionary<string, string?>
        {
            ["Integrify:MaxConcurrentCalls"] = "1",
            ["Integrify:AttemptTimeout"] = "00:00:10",
            ["Integrify:TotalTimeout"] = "00:00:15",
        });
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", LatencyMs = 6_000, Times = 3 });

        var lists = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => oneAtATime.Tasks.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None))).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.All(lists, list => Assert.NotEmpty(list.Items));
        Assert.Equal(3, simulator.Counters.Calls("T1"));
    }

    [Fact]
    public async Task The_client_refuses_to_send_a_request_to_any_other_host()
    {
        using var http = client.HttpClients.CreateClient(global::IntegrifyBot.Integrify.IntegrifyClientExtensions.ApiClient);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.2:9/api/user/current");
        request.Options.Set(new HttpRequestOptionsKey<object?>(IntegrifyUser.RequestOption), alex);

        // Exactly IntegrifyException: a connection attempt would have failed as IntegrifyUnavailableException.
        var refused = await Assert.ThrowsAsync<IntegrifyException>(() => http.SendAsync(request).WaitAsync(Guard));
        Assert.Contains("configured Integrify instance", refused.Message, StringComparison.Ordinal);
    }
}
