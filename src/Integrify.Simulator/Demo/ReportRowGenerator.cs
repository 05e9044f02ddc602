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

    public decimal Money(int min, int max) => Between(min * 100, max * 100) / 100m;

    public DateTimeOffset DaysFromToday(int min, int max) => Today.AddDays(Between(min, max));
}
