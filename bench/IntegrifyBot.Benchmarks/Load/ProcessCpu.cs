using System.Globalization;

namespace IntegrifyBot.Benchmarks.Load;

/// <summary>A process's CPU time so far (user and system, all its threads), from /proc/&lt;pid&gt;/stat.</summary>
internal static class ProcessCpu
{
    /// <summary>Linux counts in clock ticks of 1/100 s (USER_HZ) on every common platform.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
