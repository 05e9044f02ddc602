using System.Collections.Concurrent;
using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Tests.Storage;

/// <summary>
/// The renewal lock between two bot instances (two service providers) sharing one SQLite file:
/// whoever comes second waits, then reads what the first committed.
/// </summary>
public sealed class RenewalLockTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly IntegrifyUser user = new("tenant-1", "aad-alexw");

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_second_instance_waits_for_the_first_renewal_and_sees_its_credential()
    {
        await using var first = await StorageInstance.StartAsync(database);
        await using var second = await StorageInstance.StartAsync(database);
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
    public async Task A_renewal_disposed_without_a_commit_releases_the_lock_and_changes_nothing()
    {
        await using var first = await StorageInstance.StartAsync(database);
        await using var second = await StorageInstance.StartAsync(database);
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
        await using var instance = await StorageInstance.StartAsync(database);

        await using var renewal = await instance.Store.BeginRenewalAsync(user, CancellationToken.None);

        Assert.Null(renewal.Current);
    }

    [Fact]
    public async Task Reads_go_on_while_another_instance_holds_the_lock()
    {
        await using var first = await StorageInstance.StartAsync(database);
        await using var second = await StorageInstance.StartAsync(database);
        await first.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);

        await using var held = await first.Store.BeginRenewalAsync(user, CancellationToken.None);

        Assert.Equal("alexw", (await second.Store.FindAsync(user, CancellationToken.None))?.UserName);
    }
}
