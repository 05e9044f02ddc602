using System.Collections.Concurrent;
using IntegrifyBot.Cards;
using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// One action per task at a time in this bot instance: a second click on the same task while the
/// first is on its way to Integrify waits for it and shows its outcome, instead of sending again.
/// (Across instances, Integrify's own 409 settles it; either way nobody completes a task twice.)
/// </summary>
public sealed class TaskActions
{
    private readonly ConcurrentDictionary<(IntegrifyUser User, string Task), Lazy<Task<CardNotice>>> inFlight = new();

    public async Task<CardNotice> RunOnceAsync(IntegrifyUser user, string recipientTaskSid, Func<Task<CardNotice>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var key = (user, recipientTaskSid);
        var attempt = inFlight.GetOrAdd(key, _ => new Lazy<Task<CardNotice>>(action));
        try
        {
            return await attempt.Value;
        }
        finally
        {
            inFlight.TryRemove(KeyValuePair.Create(key, attempt));
        }
    }
}
