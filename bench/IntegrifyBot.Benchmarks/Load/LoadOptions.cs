using System.Globalization;

namespace IntegrifyBot.Benchmarks.Load;

/// <summary>
/// The sizes of a load run, from the command line after <c>load</c>:
/// <c>--levels 1,4,50,200,1000 --people 50 --turns 200 --tasks 3</c>, and <c>--profile</c> to
/// profile the bot's turns of each kind at each level (<see cref="TurnProfile"/>).
/// </summary>
internal sealed record LoadOptions(IReadOnlyList<int> Levels, int People, int MinTurns, int TasksEach, bool Profile = false)
{
    public static LoadOptions Default { get; } = new([1, 4, 50, 200, 1000], 50, 200, 3);

    /// <summary>Turns measured per bot, kind and level: at least <see cref="MinTurns"/>, and two waves of the level.</summary>
    public int TurnsAt(int level) => Math.Max(MinTurns, 2 * level);

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--profile")
            {
                options = options with { Profile = true };
                continue;
            }

            var value = i + 1 < args.Count ? args[i + 1] : null;
            options = args[i] switch
            {
                "--levels" => options with { Levels = ParseLevels(value) },
                "--people" => options with { People = Number(args[i], value, 9_999) },
                "--turns" => options with { MinTurns = Number(args[i], value, 99_999) },
                "--tasks" => options with { TasksEach = Number(args[i], value, 20) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --levels 1,4,50, --people N, --turns N, --tasks N, --profile."),
            };
            i++;
        }

        return options;
    }

    private static int[] ParseLevels(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(level => Number("--levels", level, 5_000)).ToArray() is { Length: > 0 } levels
            ? levels
            : throw new ArgumentException("--levels takes concurrency levels separated by commas, e.g. 1,4,50.");

    private static int Number(string name, string? value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= max
            ? number
            : throw new ArgumentException($"{name} takes a number from 1 to {max}.");
}
