namespace IntegrifyBot.Notifications;

/// <summary>
/// Wakes this instance's sender when something was queued here (a push from Integrify, a poll that
/// found new tasks), so that it need not wait for its next look at the outbox. Other instances find
/// the rows on their own next look.
/// </summary>
public sealed class NotificationSignal : IDisposable
{
    private readonly SemaphoreSlim queued = new(0, 1);

    public void Wake()
    {
        // One pending wake-up is enough: the sender takes everything due when it wakes.
        if (queued.CurrentCount == 0)
        {
            try
            {
                queued.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread woke it at the same moment.
            }
        }
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/>; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => queued.WaitAsync(timeout, cancellationToken);

    public void Dispose() => queued.Dispose();
}
