using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrifyBot.FunctionalTests.Features.Linking;

/// <summary>
/// A turn that makes several Integrify calls as the user (the task list: the tasks, then each approval's
/// details) reads and decrypts the stored credential once, and still renews it when it expires or
/// Integrify rejects it during the turn.
/// </summary>
public sealed class TurnCredentialReadTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<IntegrifyUser> reads = new();
    private LinkingBot bot = null!;

    public async Task InitializeAsync() =>
        bot = await LinkingBot.StartAsync(services: services => services.Replace(ServiceDescriptor.Singleton<IIntegrifyTokenStore>(
            provider => new ReadRecordingStore(ActivatorUtilities.CreateInstance<EfTokenStore>(provider), reads))));

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task The_task_list_reads_the_stored_credential_once()
    {
        await bot.LinkAlexAsync();
        reads.Clear();
        bot.Simulator.Counters.Clear();

        var texts = LinkingBot.Texts(await bot.SayAsync("tasks"));

        Assert.Contains("12 open", texts, StringComparison.Ordinal);
        Assert.True(IntegrifyCallsAsAlex() >= 2, $"The turn made {IntegrifyCallsAsAlex()} Integrify calls as Alex.");
        Assert.Equal(1, reads.Count(user => user == LinkingBot.Alex));
    }

    [Fact]
    public async Task Each_turn_reads_the_store_afresh()
    {
        await bot.LinkAlexAsync();
        reads.Clear();

        await bot.SayAsync("tasks");
        await bot.SayAsync("tasks");

        Assert.Equal(2, reads.Count(user => user == LinkingBot.Alex));
    }

    [Fact]
    public async Task A_jwt_that_expired_before_the_turn_is_renewed_once_and_the_renewed_one_serves_the_whole_turn()
    {
        await bot.LinkAlexAsync();
        var before = (await bot.StoredAsync())!;
        bot.Simulator.Counters.Clear();

        bot.Clock.Advance(LinkingBot.JwtLifetime + TimeSpan.FromSeconds(1));
        var texts = LinkingBot.Texts(await bot.SayAsync("tasks"));

        Assert.Contains("12 open", texts, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A2"));
        Assert.Equal(0, Unauthorized());
        Assert.NotEqual(before.Jwt, (await bot.StoredAsync())!.Jwt);
    }

    [Fact]
    public async Task A_jwt_integrify_revoked_is_replaced_once_and_no_later_call_of_the_turn_sends_it_again()
    {
        await bot.ClickAsync("link.apikey", new JsonObject { ["apiKey"] = "demo-key-alexw" });
        bot.Simulator.Counters.Clear();

        bot.Simulator.Control.ExpireTokens("alexw");
        var texts = LinkingBot.Texts(await bot.SayAsync("tasks"));

        Assert.Contains("12 open", texts, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A3"));
        Assert.Equal(1, Unauthorized());
    }

    private long IntegrifyCallsAsAlex() => bot.Simulator.Counters.CallsBy("alexw", "T1") + bot.Simulator.Counters.CallsBy("alexw", "T2");

    private long Unauthorized() => bot.Simulator.Counters.Calls("T1", "401") + bot.Simulator.Counters.Calls("T2", "401");

    /// <summary>The bot's own store, recording whose credential is read.</summary>
    private sealed class ReadRecordingStore(IIntegrifyTokenStore inner, ConcurrentQueue<IntegrifyUser> reads) : IIntegrifyTokenStore
    {
        public Task<IntegrifyCredential?> FindAsync(IntegrifyUser user, CancellationToken cancellationToken)
        {
            reads.Enqueue(user);
            return inner.FindAsync(user, cancellationToken);
        }

        public Task SaveAsync(IntegrifyUser user, IntegrifyCredential credential, CancellationToken cancellationToken) => inner.SaveAsync(user, credential, cancellationToken);

        public Task RemoveAsync(IntegrifyUser user, CancellationToken cancellationToken) => inner.RemoveAsync(user, cancellationToken);

        public Task<ICredentialRenewal> BeginRenewalAsync(IntegrifyUser user, CancellationToken cancellationToken) => inner.BeginRenewalAsync(user, cancellationToken);
    }
}
