using System.Collections.Concurrent;
using Integrify.Simulator;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>
/// A deployment's overrides of the contract (Integrify:Paths, Integrify:Permissions), over real HTTP to
/// the simulator: each call leaves for the configured path with its values and query as they were.
/// The address is read where the request leaves the client, below every handler of its own.
/// </summary>
public sealed class ContractOverrideTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    private readonly ConcurrentQueue<Uri> sent = new();
    private SimulatorHost simulator = null!;

    public async Task InitializeAsync() => simulator = await SimulatorHost.StartAsync(new SimulatorOptions());

    public async Task DisposeAsync() => await simulator.DisposeAsync();

    [Fact]
    public async Task A_configured_path_is_where_the_call_goes_with_its_query_intact()
    {
        // The simulator's routes ignore case, so it still answers the call at this spelling of its path.
        await using var client = Client(new() { ["Integrify:Paths:MyTasks"] = "/API/Instance/MyTask/List" });
        var alex = await client.SignInAsync("alexw");

        var tasks = await client.Tasks.ListMyTasksAsync(alex, new ListQuery { Search = "time off", Start = 0, Count = 5, Sort = "dueDate" }, CancellationToken.None);

        Assert.NotEmpty(tasks.Items);
        var address = Assert.Single(sent);
        Assert.Equal("/API/Instance/MyTask/List", address.AbsolutePath);
        Assert.Equal(["count=5", "search=time%20off", "sort=dueDate", "start=0"], address.Query.TrimStart('?').Split('&').Order(StringComparer.Ordinal));
        Assert.Equal(simulator.BaseAddress.Authority, address.Authority);
    }

    [Fact]
    public async Task A_configured_user_search_path_is_where_people_are_looked_up_with_what_was_typed()
    {
        // The simulator's routes ignore case, so it still answers the search at this spelling of its path.
        await using var client = Client(new() { ["Integrify:Paths:SearchUsers"] = "/API/Users" });
        var alex = await client.SignInAsync("alexw");

        var byName = await client.Users.SearchUsersAsync(alex, UserQuery.Typed("megan b", count: 5), CancellationToken.None);
        var byEmail = await client.Users.SearchUsersAsync(alex, UserQuery.Typed("meganb@example.com"), CancellationToken.None);

        Assert.Equal("meganb", Assert.Single(byName.Items).UserName);
        Assert.Equal("meganb", Assert.Single(byEmail.Items).UserName);
        Assert.Equal(
            ["/API/Users?name=megan%20b&count=5", "/API/Users?email=meganb%40example.com"],
            sent.Select(address => address.PathAndQuery));
        Assert.Equal(2, simulator.Counters.Calls("U2"));
    }

    [Fact]
    public async Task A_moved_path_carries_the_placeholder_values_escaped_so_they_add_no_segment_or_query()
    {
        await using var client = Client(new() { ["Integrify:Paths:Approval"] = "/api/v2/approvals/{recipientTaskSid}/details" });
        var alex = await client.SignInAsync("alexw");

        await Assert.ThrowsAsync<IntegrifyNotFoundException>(() => client.Tasks.GetApprovalAsync(alex, "t1/../x?admin=1", CancellationToken.None));

        var address = Assert.Single(sent);
        Assert.Equal("/api/v2/approvals/t1%2F..%2Fx%3Fadmin%3D1/details", address.AbsolutePath);
        Assert.Empty(address.Query);
        Assert.Equal(0, simulator.Counters.Calls("T2"));
    }

    [Fact]
    public async Task A_state_changing_get_at_a_moved_path_is_still_never_sent_twice()
    {
        await using var client = Client(new() { ["Integrify:Paths:CancelRequest"] = "/api/v2/requests/{instanceSid}/withdraw" });
        var alex = await client.SignInAsync("alexw");
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/v2/", Status = 503 });

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => client.Requests.CancelRequestAsync(alex, "i1", CancellationToken.None).WaitAsync(Guard));

        var address = Assert.Single(sent);
        Assert.Equal("/api/v2/requests/i1/withdraw", address.AbsolutePath);
    }

    [Fact]
    public async Task A_configured_permission_value_is_sent_in_the_query_in_place_of_the_contracts()
    {
        await using var client = Client(new() { ["Integrify:Permissions:Start"] = "launch" });
        var alex = await client.SignInAsync("alexw");

        await client.Requests.SearchProcessesAsync(alex, "time", CancellationToken.None);

        var address = Assert.Single(sent);
        Assert.Equal(IntegrifyPaths.StartableProcesses, address.AbsolutePath);
        Assert.Contains("permissionType=launch", address.Query, StringComparison.Ordinal);
        Assert.Contains("search=time", address.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("permissionType=start", address.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_permission_value_in_the_path_is_sent_there_and_integrify_answers()
    {
        await using var client = Client(new() { ["Integrify:Permissions:Requester"] = "Requester" });
        var alex = await client.SignInAsync("alexw");

        var mine = await client.Requests.ListRequestsAsync(alex, new ListQuery { Count = 3 }, CancellationToken.None);

        Assert.NotEmpty(mine.Items);
        var address = Assert.Single(sent);
        Assert.Equal("/api/instance/list/Requester", address.AbsolutePath);
        Assert.Equal("?count=3", address.Query);
    }

    [Fact]
    public async Task Without_overrides_every_call_goes_to_the_contracts_path()
    {
        await using var client = Client([]);
        var alex = await client.SignInAsync("alexw");

        await client.Reports.SearchReportsAsync(alex, null, CancellationToken.None);
        await client.Requests.ListRequestsAsync(alex, new ListQuery(), CancellationToken.None);

        Assert.Equal(
            [$"{IntegrifyPaths.RunnableReports}?permissionType=run", "/api/instance/list/requester"],
            sent.Select(address => address.PathAndQuery));
    }

    /// <summary>A client of the API with these settings, whose calls (not its sign-ins) are recorded as they leave.</summary>
    private IntegrifyClients Client(Dictionary<string, string?> settings) =>
        new(simulator.BaseAddress, settings: settings, configureServices: services => services
            .AddHttpClient(IntegrifyClientExtensions.ApiClient)
            .AddHttpMessageHandler(() => new Recorder(sent)));

    private sealed class Recorder(ConcurrentQueue<Uri> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
