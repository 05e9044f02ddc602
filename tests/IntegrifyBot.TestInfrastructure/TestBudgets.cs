using System.Globalization;
using IntegrifyBot.Integrify;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The time budgets of a bot or Integrify client under test. A test whose subject is not timing runs
/// with patient ones, so that a first call on a loaded machine (code still being compiled, a cold
/// connection, another build beside the tests) is not taken for a fault. A test about a budget says
/// which budget it means, with the values it needs.
/// </summary>
public static class TestBudgets
{
    /// <summary>
    /// Patient: far beyond anything a healthy call takes, however busy the machine. Integrify's
    /// time-outs are longer than a card's turn, so a slow Integrify ends a turn as cut short, never as
    /// an outage (which, for one, frees a sign-in attempt's place under the limit).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Patient { get; } = new Dictionary<string, string?>
    {
        ["Integrify:AttemptTimeout"] = "00:00:30",
        ["Integrify:TotalTimeout"] = "00:01:00",

        // The most the bot accepts for a card button: Teams itself gives up after about fifteen seconds.
        ["Bot:InvokeTimeout"] = "00:00:14",
        ["Bot:MessageTimeout"] = "00:01:00",
    };

    /// <summary>The Integrify client's budgets as the bot ships them.</summary>
    public static IDictionary<string, string?> IntegrifyAsShipped => new Dictionary<string, string?>
    {
        ["Integrify:AttemptTimeout"] = new IntegrifyOptions().AttemptTimeout.ToString("c", CultureInfo.InvariantCulture),
        ["Integrify:TotalTimeout"] = new IntegrifyOptions().TotalTimeout.ToString("c", CultureInfo.InvariantCulture),
    };

    /// <summary><see cref="Patient"/> under <paramref name="settings"/>: what a test sets itself wins.</summary>
    public static Dictionary<string, string?> PatientUnder(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        var all = new Dictionary<string, string?>(Patient);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>
    /// How long a test waits for something that will happen (a process starting, answering or exiting,
    /// a message arriving) before it calls it a failure. A healthy one takes seconds; on a machine busy
    /// with other builds it can take many times that, and waiting longer costs nothing when it comes.
    /// </summary>
    public static TimeSpan Eventually { get; } = TimeSpan.FromMinutes(3);
}
