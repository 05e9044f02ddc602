using System.Collections.Concurrent;

namespace IntegrifyBot.Teams;

/// <summary>How many clients of one kind are kept at most, and for how long.</summary>
internal static class ExpiringClients
{
    internal const int MaxClients = 64;

    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
}

/// <summary>
/// SDK clients kept for reuse by every turn, one per key, each replaced after a while so that its
/// HttpClient follows the factory's handler rotation (DNS changes). Keys come from what callers prove
/// (service URLs the request gate admits, bot identities), so they are few; still, when
/// <see cref="ExpiringClients.MaxClients"/> live clients are held, those past their lifetime are dropped, and if none
/// is, the client made for the turn serves that turn alone, as the SDK would have it.
/// </summary>
internal sealed class ExpiringClients<TKey, TClient>(TimeProvider time)
    where TKey : notnull
    where TClient : class
{
    private readonly ConcurrentDictionary<TKey, Shared> clients = new();

    /// <param name="create">A new client, as the SDK makes one for a turn.</param>
    /// <param name="share">The client as turns see it once kept: one the SDK's end of a turn cannot dispose.</param>
    public async Task<TClient> GetAsync(TKey key, Func<Task<TClient>> create, Func<TClient, TClient> share)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(share);
        if (clients.TryGetValue(key, out var shared) && shared.Until > time.GetUtcNow())
        {
            return shared.Client;
        }

        var created = await create().ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (shared is null && clients.Count >= ExpiringClients.MaxClients && !DroppedExpired(now))
        {
            return created;
        }

        // A client replaced, or made twice by turns at once, is left to the garbage collector: a turn
        // may still be sending through it (its HttpClient comes from the factory, which owns the handler).
        var fresh = new Shared(share(created), now + ExpiringClients.Lifetime);
        clients[key] = fresh;
        return fresh.Client;
    }

    /// <summary>Forgets the clients past their lifetime; whether that made room for another.</summary>
    private bool DroppedExpired(DateTimeOffset now)
    {
        foreach (var (key, shared) in clients)
        {
            if (shared.Until <= now)
            {
                clients.TryRemove(new KeyValuePair<TKey, Shared>(key, shared));
            }
        }

        return clients.Count < ExpiringClients.MaxClients;
    }

    private sealed record Shared(TClient Client, DateTimeOffset Until);
}
