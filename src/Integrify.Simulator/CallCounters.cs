using System.Collections.Concurrent;

namespace Integrify.Simulator;

/// <summary>
/// Counts the calls the simulator answered: per route (named after the contract's rows: A1, T3, ...)
/// and status, per user and route, and completion attempts per recipient task. Safe under any
/// number of concurrent calls.
/// </summary>
public sealed class CallCounters
{
    private const char Separator = '\u001f';

    private readonly ConcurrentDictionary<string, long> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> attempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> completions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Calls of a route, whatever their answer.</summary>
    public long Calls(string route) => routes.GetValueOrDefault(route);

    /// <summary>Calls of a route with this status ("200", "409", ..., or "dropped").</summary>
    public long Calls(string route, string status) => statuses.GetValueOrDefault(route + Separator + status);

    /// <summary>Calls of a route by a user, as far as the simulator could tell who it was (refreshes count for the token's owner).</summary>
    public long CallsBy(string userName, string route) => users.GetValueOrDefault(userName + Separator + route);

    /// <summary>Calls that tried to complete the task (T3, T4, T5).</summary>
    public long CompletionAttempts(string recipientTaskSid) => attempts.GetValueOrDefault(recipientTaskSid);

    /// <summary>Calls that completed the task: never more than one.</summary>
    public long Completions(string recipientTaskSid) => completions.GetValueOrDefault(recipientTaskSid);

    public CounterSnapshot Snapshot()
    {
        var byRoute = routes.ToDictionary(
            pair => pair.Key,
            pair => new RouteCount(pair.Value, Split(statuses).Where(entry => entry.Outer == pair.Key).ToDictionary(entry => entry.Inner, entry => entry.Count)));
        var byUser = Split(users).GroupBy(entry => entry.Outer).ToDictionary(
            group => group.Key,
            group => (IReadOnlyDictionary<string, long>)group.ToDictionary(entry => entry.Inner, entry => entry.Count));
        var byTask = attempts.ToDictionary(pair => pair.Key, pair => new TaskCount(pair.Value, completions.GetValueOrDefault(pair.Key)));
        return new CounterSnapshot(byRoute, byUser, byTask);
    }

    public void Clear()
    {
        routes.Clear();
        statuses.Clear();
        users.Clear();
        attempts.Clear();
        completions.Clear();
    }

    internal void Record(string route, string status, string? userName, string? completedTaskSid)
    {
        Increment(routes, route);
        Increment(statuses, route + Separator + status);
        if (userName is not null)
        {
            Increment(users, userName + Separator + route);
        }

        if (completedTaskSid is not null)
        {
            Increment(attempts, completedTaskSid);
            if (status == "200")
            {
                Increment(completions, completedTaskSid);
            }
        }
    }

    private static void Increment(ConcurrentDictionary<string, long> counts, string key) => counts.AddOrUpdate(key, 1, (_, count) => count + 1);

    private static IEnumerable<(string Outer, string Inner, long Count)> Split(ConcurrentDictionary<string, long> counts) =>
        counts.Select(pair => pair.Key.Split(Separator) is [var outer, var inner] ? (outer, inner, pair.Value) : (pair.Key, string.Empty, pair.Value));
}
