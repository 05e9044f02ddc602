using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// The credential of the person a turn acts as, read (and decrypted) once when the turn looked them up,
/// then used for the turn's Integrify calls instead of reading the store again for each call. It is
/// held for one turn only (it flows with that turn's calls, never to another turn), and only while it
/// is usable: a credential near its expiry, or one Integrify rejected, is dropped, and the token
/// provider reads and renews through the store as before. The stores forget it when they write the
/// user's credential (a link, a renewal, a sign-out), so what a turn remembers is never older than
/// what it wrote itself.
/// </summary>
public sealed class TurnCredentials
{
    private readonly AsyncLocal<Slot?> current = new();

    /// <summary>
    /// Starts the turn's memo: the calls made from here on, until it is disposed, see what is remembered.
    /// Within a turn whose memo is started already, the turn's memo goes on (one per turn).
    /// </summary>
    public IDisposable Begin()
    {
        if (current.Value is not null)
        {
            return NoScope.Instance;
        }

        var slot = new Slot();
        current.Value = slot;
        return new Scope(this, slot);
    }

    /// <summary>Remembers the credential just read for <paramref name="user"/>, when a turn's memo was started.</summary>
    public void Remember(IntegrifyUser user, IntegrifyCredential credential)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(credential);
        current.Value?.Set(new Entry(user, credential));
    }

    /// <summary>The credential this turn read for <paramref name="user"/>, or null.</summary>
    public IntegrifyCredential? Find(IntegrifyUser user) =>
        current.Value?.Get() is { } entry && entry.User == user ? entry.Credential : null;

    /// <summary>Drops what this turn remembered for <paramref name="user"/>, so that the next call reads the store.</summary>
    public void Forget(IntegrifyUser user)
    {
        if (current.Value is { } slot && slot.Get() is { } entry && entry.User == user)
        {
            slot.Clear(entry);
        }
    }

    private sealed record Entry(IntegrifyUser User, IntegrifyCredential Credential);

    /// <summary>Shared by the turn's calls, which can run at once (the details of several tasks).</summary>
    private sealed class Slot
    {
        private Entry? entry;

        public Entry? Get() => Volatile.Read(ref entry);

        public void Set(Entry value) => Volatile.Write(ref entry, value);

        public void Clear(Entry seen) => Interlocked.CompareExchange(ref entry, null, seen);

        public void Empty() => Volatile.Write(ref entry, null);
    }

    /// <remarks>
    /// The slot is emptied as well: work the turn started and left running keeps the slot (it flows
    /// with it), and must not use the turn's credential after the turn.
    /// </remarks>
    private sealed class Scope(TurnCredentials owner, Slot slot) : IDisposable
    {
        public void Dispose()
        {
            slot.Empty();
            owner.current.Value = null;
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static NoScope Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
