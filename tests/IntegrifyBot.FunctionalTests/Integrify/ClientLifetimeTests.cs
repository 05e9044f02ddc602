using System.Collections.Concurrent;
using Integrify.Simulator;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>
/// The typed clients come from IHttpClientFactory: each one resolved gets the factory's current
/// handler chain, and the factory renews that chain when its lifetime ends (so DNS changes are seen).
/// </summary>
public sealed class ClientLifetimeTests : IAsyncLifetime
{
    // Only stops a factory that never renews from stalling the suite; nothing is asserted about time.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<ChainMarker> chainsUsed = new();
    private SimulatorHost simulator = null!;
    private IntegrifyClients client = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions());
        client = new IntegrifyClients(simulator.BaseAddress, configureServices: services => services
            .AddHttpClient(IntegrifyClientExtensions.ApiClient)
            .SetHandlerLifetime(TimeSpan.FromSeconds(1))
            .AddHttpMessageHandler(() => new ChainMarker(chainsUsed)));
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public void Each_resolution_of_a_typed_client_is_a_new_client()
    {
        Assert.NotSame(client.Tasks, client.Tasks);
        Assert.NotSame(client.Requests, client.Requests);
        Assert.NotSame(client.Reports, client.Reports);
        Assert.NotSame(client.Users, client.Users);
    }

    [Fact]
    public async Task A_client_resolved_after_the_handler_lifetime_sends_through_a_new_handler_chain()
    {
        var alex = await client.SignInAsync("alexw");
        var first = client.Tasks;
        Assert.Equal(12, (await first.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None)).Total);
        var firstChain = Assert.Single(chainsUsed);

        var started = TimeProvider.System.GetTimestamp();
        ChainMarker? renewed = null;
        while (renewed is null && TimeProvider.System.GetElapsedTime(started) < Guard)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            await client.Tasks.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None);
            renewed = chainsUsed.Last() is var latest && !ReferenceEquals(latest, firstChain) ? latest : null;
        }

        Assert.NotNull(renewed);

        // The client resolved first keeps working on the chain it was given.
        Assert.Equal(12, (await first.ListMyTasksAsync(alex, new ListQuery(), CancellationToken.None)).Total);
        Assert.Same(firstChain, chainsUsed.Last());
    }

    /// <summary>The innermost handler of a chain: says which chain each request went through.</summary>
    private sealed class ChainMarker(ConcurrentQueue<ChainMarker> used) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            used.Enqueue(this);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
