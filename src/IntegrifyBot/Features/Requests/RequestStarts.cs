using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using Microsoft.Extensions.Caching.Memory;

namespace IntegrifyBot.Features.Requests;

/// <summary>
/// Requests started from cards, by start id, so that a second click on the same "Start request"
/// button (a double click, a retry after a slow answer) shows the first request instead of starting
/// another: R2 is never repeated. Kept for a day, in this instance's memory.
/// </summary>
public sealed class RequestStarts(IMemoryCache cache)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(1);

    /// <summary>
    /// Held while a start is looked up, made or dropped: the cache's GetOrCreate is not atomic, so two
    /// clicks arriving together would otherwise each make (and run) a start of their own.
    /// </summary>
    private readonly Lock starting = new();

    public async Task<StartedRequest> StartOnceAsync(IntegrifyUser user, string startId, Func<Task<StartedRequest>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var key = (typeof(RequestStarts), user, startId);
        Lazy<Task<StartedRequest>> entry;
        lock (starting)
        {
            entry = cache.GetOrCreate(key, item =>
            {
                item.AbsoluteExpirationRelativeToNow = Remembered;
                return new Lazy<Task<StartedRequest>>(start);
            })!;
        }

        try
        {
            return await entry.Value;
        }
        catch
        {
            // A start that failed did not happen: the next click may try again. Only this start is
            // dropped, never one a later click has begun since.
            lock (starting)
            {
                if (cache.TryGetValue(key, out Lazy<Task<StartedRequest>>? current) && ReferenceEquals(current, entry))
                {
                    cache.Remove(key);
                }
            }

            throw;
        }
    }
}
