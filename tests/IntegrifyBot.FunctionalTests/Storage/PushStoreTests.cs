using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// What Integrify's push needs of the database, on SQLite and PostgreSQL: signatures remembered
/// against replays by every instance sharing the database, and the Teams users linked to a username.
/// </summary>
public abstract class PushStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Of_two_instances_recording_the_same_signature_at_once_exactly_one_wins_and_neither_fails_on_the_key()
    {
        var logs = new RecordedLogs();
        await using var one = await StorageInstance.StartAsync(database, clock, logs: logs);
        await using var two = await StorageInstance.StartAsync(database, clock, logs: logs);
        var started = logs.Count;
        var until = clock.GetUtcNow() + Tolerance;

        for (var round = 0; round < 5; round++)
        {
            var signature = $"sha256-signature-{round}";
            var recorded = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                Replays(i % 2 == 0 ? one : two).TryRecordAsync(signature, until, CancellationToken.None)));

            Assert.Single(recorded, won => won);
        }

        Assert.Empty(logs.FailedWrites(since: started));
    }

    [Fact]
    public async Task A_signature_is_refused_until_it_expires_and_an_expired_one_is_purged()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var replays = Replays(instance);

        Assert.True(await replays.TryRecordAsync("first", clock.GetUtcNow() + Tolerance, CancellationToken.None));
        clock.Advance(Tolerance - TimeSpan.FromSeconds(1));
        Assert.False(await replays.TryRecordAsync("first", clock.GetUtcNow() + Tolerance, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await replays.TryRecordAsync("second", clock.GetUtcNow() + Tolerance, CancellationToken.None));

        await using var context = await instance.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await context.PushReplays.CountAsync());
    }

    [Fact]
    public async Task A_forgotten_signature_may_be_recorded_again()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var replays = Replays(instance);
        var until = clock.GetUtcNow() + Tolerance;

        Assert.True(await replays.TryRecordAsync("not queued", until, CancellationToken.None));
        await replays.ForgetAsync("not queued", CancellationToken.None);

        Assert.True(await replays.TryRecordAsync("not queued", until, CancellationToken.None));
    }

    [Fact]
    public async Task Everyone_linked_to_a_username_is_found_whatever_its_case_and_only_on_this_integrify()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        await using var elsewhere = await StorageInstance.StartAsync(database, clock, [new("Integrify:BaseUrl", "http://127.0.0.1:5998/")]);
        var alexInTeams = new IntegrifyUser("tenant-1", "aad-alexw");
        var alexOnAnotherTenant = new IntegrifyUser("tenant-2", "aad-alexw-2");
        var alexOnAnotherIntegrify = new IntegrifyUser("tenant-1", "aad-alexw-3");
        await instance.Store.SaveAsync(alexInTeams, EfTokenStoreTests.PasswordCredential() with { UserName = "AlexW" }, CancellationToken.None);
        await instance.Store.SaveAsync(alexOnAnotherTenant, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
        await instance.Store.SaveAsync(new IntegrifyUser("tenant-1", "aad-meganb"), EfTokenStoreTests.PasswordCredential() with { UserName = "meganb" }, CancellationToken.None);
        await elsewhere.Store.SaveAsync(alexOnAnotherIntegrify, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
        var linked = instance.Services.GetRequiredService<LinkedTeamsUsers>();

        var found = await linked.FindAsync("alexw", CancellationToken.None);
        var shouted = await linked.FindAsync("ALEXW", CancellationToken.None);

        Assert.Equal([alexInTeams, alexOnAnotherTenant], found.OrderBy(u => u.TeamsTenantId));
        Assert.Equal(found.ToHashSet(), shouted.ToHashSet());
        Assert.Empty(await linked.FindAsync("adelev", CancellationToken.None));
    }

    private static PushReplays Replays(StorageInstance instance) => instance.Services.GetRequiredService<PushReplays>();

    public sealed class OnSqlite() : PushStoreTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : PushStoreTests(StorageProvider.Postgres);
}
