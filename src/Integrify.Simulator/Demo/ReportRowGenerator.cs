namespace Integrify.Simulator.Demo;

/// <summary>
/// Picks the demo reports' values from a fixed seed: the same seed gives the same rows on every run;
/// dates are whole days counted back (or ahead) from the day of seeding.
/// </summary>
internal sealed class ReportRowGenerator(int seed, DateTimeOffset now)
{
    private readonly Random random = new(seed);

    public DateTimeOffset Today { get; } = new(now.UtcDateTime.Date, TimeSpan.Zero);

    public T Pick<T>(IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values[random.Next(values.Count)];
    }

    public int Between(int min, int max) => random.Next(min, max + 1);

    /// <summary>An amount with exactly two decimals, which JSON then shows as 901.70, not 901.7.</summary>
    public decimal Money(int min, int max) => new(Between(min * 100, max * 100), 0, 0, false, 2);

    public DateTimeOffset DaysFromToday(int min, int max) => Today.AddDays(Between(min, max));
}
