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

    public async Task<StartedRequest> StartOnceAsync(IntegrifyUser user, string startId, Func<Task<StartedRequest>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var entry = cache.GetOrCreate((typeof(RequestStarts), user, startId), item =>
        {
            item.AbsoluteExpirationRelativeToNow = Remembered;
            return new Lazy<Task<StartedRequest>>(start);
        })!;
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A start that failed did not happen: the next click may try again.
            cache.Remove((typeof(RequestStarts), user, startId));
            throw;
        }
    }
}
