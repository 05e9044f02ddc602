using System.Collections.Concurrent;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// The renewal lock between two bot instances (two service providers) sharing one database:
/// whoever comes second waits, then reads what the first committed. The same tests on SQLite and
/// PostgreSQL; PostgreSQL also locks only the one account, and its wait can be cancelled.
/// </summary>
public abstract class RenewalLockTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly IntegrifyUser user = new("tenant-1", "aad-alexw");

    protected TestDatabase Database { get; private set; } = null!;

    protected IntegrifyUser User => user;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task A_second_instance_waits_for_the_first_renewal_and_sees_its_credential()
    {
        await using var first = await StorageInstance.StartAsync(Database);
        await using var second = await StorageInstance.StartAsync(Database);
        await first.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
        var order = new ConcurrentQueue<string>();
        var secondAsking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var firstRenewal = await first.Store.BeginRenewalAsync(user, CancellationToken.None);
        var secondRenewal = Task.Run(async () =>
        {
            secondAsking.SetResult();
            var renewal = await second.Store.BeginRenewalAsync(user, CancellationToken.None);
            order.Enqueue("second has the lock");
            return renewal;
        });
        await secondAsking.Task;
        await WhileTheSecondWaitsAsync();

        // Committing ends the first renewal's transaction, and with it the lock.
        Assert.False(secondRenewal.IsCompleted);
        order.Enqueue("first commits");
        var renewed = firstRenewal.Current! with { Jwt = "renewed-jwt", RefreshToken = "renewed-refresh" };
        await firstRenewal.CommitAsync(renewed, CancellationToken.None);
        await firstRenewal.DisposeAsync();

        await using var seen = await secondRenewal;
        Assert.Equal(["first commits", "second has the lock"], order);
        Assert.Equal("renewed-jwt", seen.Current?.Jwt);
        Assert.Equal("renewed-refresh", seen.Current?.RefreshToken);
        Assert.Equal(2, seen.Current?.Version);
    }

    [Fact]
    public async Task The_lock_holds_a_user_who_has_no_link_yet()
    {
        await using var first = await StorageInstance.StartAsync(Database);
        await using var second = await StorageInstance.StartAsync(Database);
        var order = new ConcurrentQueue<string>();
        var secondAsking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Two first links at once: the second must not find the account missing and write its own.
        var firstLink = await first.Store.BeginRenewalAsync(user, CancellationToken.None);
        Assert.Null(firstLink.Current);
        var secondLink = Task.Run(async () =>
        {
            secondAsking.SetResult();
            var renewal = await second.Store.BeginRenewalAsync(user, CancellationToken.None);
            order.Enqueue("second has the lock");
            return renewal;
        });
        await secondAsking.Task;
        await WhileTheSecondWaitsAsync();

        Assert.False(secondLink.IsCompleted);
        order.Enqueue("first links");
        await firstLink.CommitAsync(EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
        await firstLink.DisposeAsync();

        await using var seen = await secondLink;
        Assert.Equal(["first links", "second has the lock"], order);
        Assert.Equal(EfTokenStoreTests.PasswordCredential().RefreshToken, seen.Current?.RefreshToken);
        Assert.Equal(1, seen.Current?.Version);
    }

    [Fact]
    public async Task A_renewal_disposed_without_a_commit_releases_the_lock_and_changes_nothing()
    {
        await using var first = await StorageInstance.StartAsync(Database);
        await using var second = await StorageInstance.StartAsync(Database);
        await first.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);

        await using (var abandoned = await first.Store.BeginRenewalAsync(user, CancellationToken.None))
        {
            Assert.Equal(1, abandoned.Current?.Version);
        }

        await using var next = await second.Store.BeginRenewalAsync(user, CancellationToken.None);
        Assert.Equal(EfTokenStoreTests.PasswordCredential().Jwt, next.Current?.Jwt);
        Assert.Equal(1, next.Current?.Version);
    }

    [Fact]
    public async Task A_renewal_of_an_unlinked_user_finds_nothing()
    {
        await using var instance = await StorageInstance.StartAsync(Database);

        await using var renewal = await instance.Store.BeginRenewalAsync(user, CancellationToken.None);

        Assert.Null(renewal.Current);
    }

    [Fact]
    public async Task Reads_go_on_while_another_instance_holds_the_lock()
    {
        await using var first = await StorageInstance.StartAsync(Database);
        await using var second = await StorageInstance.StartAsync(Database);
        await first.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);

        await using var held = await first.Store.BeginRenewalAsync(user, CancellationToken.None);

        Assert.Equal("alexw", (await second.Store.FindAsync(user, CancellationToken.None))?.UserName);
    }

    /// <summary>
    /// Returns once the second instance is waiting for the lock, where the engine can show it;
    /// otherwise at once, and the order of events alone shows that it waited.
    /// </summary>
    protected virtual Task WhileTheSecondWaitsAsync() => Task.CompletedTask;

    public sealed class OnSqlite() : RenewalLockTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : RenewalLockTests(StorageProvider.Postgres)
    {
        [Fact]
        public async Task Renewals_of_two_users_go_ahead_without_waiting_for_each_other()
        {
            await using var first = await StorageInstance.StartAsync(Database);
            await using var second = await StorageInstance.StartAsync(Database);
            var megan = new IntegrifyUser("tenant-1", "aad-meganb");
            await first.Store.SaveAsync(User, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
            await first.Store.SaveAsync(megan, EfTokenStoreTests.PasswordCredential() with { UserName = "meganb" }, CancellationToken.None);
            var order = new ConcurrentQueue<string>();
            var meganCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            // Alex's lock is released only after Megan's renewal has committed. Were the lock not
            // per account, Megan's renewal would wait for Alex's, which waits for hers: neither
            // would ever finish, and the guard below would end the test.
            var alex = await first.Store.BeginRenewalAsync(User, CancellationToken.None);
            var alexCommits = Task.Run(async () =>
            {
                await meganCommitted.Task;
                order.Enqueue("alex commits");
                await alex.CommitAsync(alex.Current! with { Jwt = "alex-renewed" }, CancellationToken.None);
                await alex.DisposeAsync();
            });

            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await using var renewal = await second.Store.BeginRenewalAsync(megan, guard.Token);
                order.Enqueue("megan has her lock");
                await renewal.CommitAsync(renewal.Current! with { Jwt = "megan-renewed" }, guard.Token);
                order.Enqueue("megan commits");
            }
            catch (OperationCanceledException)
            {
                await alex.DisposeAsync();
                Assert.Fail("Megan's renewal waited for the lock held by Alex's.");
            }

            meganCommitted.SetResult();
            await alexCommits;

            Assert.Equal(["megan has her lock", "megan commits", "alex commits"], order);
            Assert.Equal("alex-renewed", (await second.Store.FindAsync(User, CancellationToken.None))?.Jwt);
            Assert.Equal("megan-renewed", (await first.Store.FindAsync(megan, CancellationToken.None))?.Jwt);
        }

        [Fact]
        public async Task A_wait_for_the_lock_ends_on_the_server_when_it_is_cancelled()
        {
            await using var first = await StorageInstance.StartAsync(Database);
            await using var second = await StorageInstance.StartAsync(Database);
            await first.Store.SaveAsync(User, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
            await using var held = await first.Store.BeginRenewalAsync(User, CancellationToken.None);
            using var cancellation = new CancellationTokenSource();

            var waiting = second.Store.BeginRenewalAsync(User, cancellation.Token);
            await WhileTheSecondWaitsAsync();
            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            Assert.Equal(0, await LockWaitersAsync());

            // The lock and the cancelled instance are both fine afterwards.
            await held.CommitAsync(held.Current! with { Jwt = "renewed-jwt" }, CancellationToken.None);
            await held.DisposeAsync();
            await using var next = await second.Store.BeginRenewalAsync(User, CancellationToken.None);
            Assert.Equal("renewed-jwt", next.Current?.Jwt);
        }

        /// <summary>PostgreSQL shows a session waiting for an advisory lock in pg_locks.</summary>
        protected override async Task WhileTheSecondWaitsAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await LockWaitersAsync() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "No session ever waited for the account lock.");
                await Task.Delay(20);
            }
        }

        private async Task<long> LockWaitersAsync()
        {
            await using var connection = await Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }
}
