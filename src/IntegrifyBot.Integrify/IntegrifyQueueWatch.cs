namespace IntegrifyBot.Integrify;

/// <summary>
/// Whether some work (a user's turn) is waiting right now in the bot's own queue toward Integrify.
/// Whoever gives the work a time budget begins a watch; a call of that work marks it while it waits
/// for a free slot. When the budget runs out, "the bot was too busy to send it" can then be told from
/// "Integrify did not answer": the first is no outage, and must not be shown as one.
/// </summary>
public sealed class IntegrifyQueueWatch
{
    private static readonly AsyncLocal<IntegrifyQueueWatch?> Ambient = new();

    private int waiting;
    private int gaveUp;

    /// <summary>A call of this work is waiting for a slot now, or stopped waiting without getting one.</summary>
    public bool HeldBack => Volatile.Read(ref waiting) > 0 || Volatile.Read(ref gaveUp) > 0;

    /// <summary>Watches the calling work and whatever it starts from here on.</summary>
    /// <remarks>Set from a synchronous method, the watch stays with the caller's flow until it returns.</remarks>
    public static IntegrifyQueueWatch Begin()
    {
        var watch = new IntegrifyQueueWatch();
        Ambient.Value = watch;
        return watch;
    }

    internal static IntegrifyQueueWatch? Current => Ambient.Value;

    internal void Enter() => Interlocked.Increment(ref waiting);

    /// <param name="admitted">The call got its slot; otherwise it was cancelled while it waited.</param>
    internal void Leave(bool admitted)
    {
        // Gave up first, then stops waiting: whoever reads in between sees it held back either way.
        if (!admitted)
        {
            Interlocked.Increment(ref gaveUp);
        }

        Interlocked.Decrement(ref waiting);
    }
}
