namespace IntegrifyBot.Notifications;

/// <summary>How long a failed notification waits before it is tried again.</summary>
public static class RetrySchedule
{
    /// <summary>No wait is longer, however often it failed: a notification hours late is still worth sending.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>
    /// The wait after <paramref name="failures"/> failures in a row: <paramref name="first"/>, doubled
    /// for each further one, up to <see cref="Longest"/>. Each wait is between half and all of that, at
    /// random, so that notifications that failed together (Teams or Integrify down for a moment) do
    /// not all come back at the same instant.
    /// </summary>
    public static TimeSpan After(int failures, TimeSpan first)
    {
        var seconds = Math.Min(first.TotalSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30)), Longest.TotalSeconds);
        return TimeSpan.FromSeconds((seconds / 2) + (seconds / 2 * Random.Shared.NextDouble()));
    }
}
