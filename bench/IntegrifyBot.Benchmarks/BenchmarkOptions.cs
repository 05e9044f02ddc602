using System.Globalization;

namespace IntegrifyBot.Benchmarks;

/// <summary>
/// The sizes of a run, from the command line: <c>--users 10000 --notifications 3000 --rate 30</c>,
/// and <c>--postgres</c> for a private PostgreSQL server instead of SQLite.
/// </summary>
internal sealed record BenchmarkOptions(int Users, int Notifications, int TenantPerSecond, bool Postgres = false)
{
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(10_000, 3_000, 30);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--postgres")
            {
                options = options with { Postgres = true };
                continue;
            }

            var value = i + 1 < args.Count ? args[i + 1] : null;
            options = args[i] switch
            {
                "--users" => options with { Users = Number(args[i], value) },
                "--notifications" => options with { Notifications = Number(args[i], value) },
                "--rate" => options with { TenantPerSecond = Number(args[i], value) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --users N, --notifications N, --rate N, --postgres."),
            };
            i++;
        }

        if (options.Notifications > options.Users)
        {
            throw new ArgumentException("--notifications is at most --users: each person gets at most one.");
        }

        return options;
    }

    private static int Number(string name, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= 99_999
            ? number
            : throw new ArgumentException($"{name} takes a number from 1 to 99999.");
}
