using System.Net;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// A published bot started as a process on a port of its own, ready when its /readyz says so. Free
/// of the test framework, so that the benchmarks start instances the same way.
/// </summary>
public sealed record RunningBot(BotProcess Bot, Uri Url) : IAsyncDisposable
{
    /// <summary>Starts a published bot with <paramref name="environment"/> (its address added) and waits until it is ready.</summary>
    /// <param name="start">Starts the published bot's process with the environment it is given.</param>
    public static async Task<RunningBot> StartAsync(Func<IDictionary<string, string>, BotProcess> start, IDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(start);
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var bot = start(new Dictionary<string, string>(environment) { ["Urls"] = url.ToString().TrimEnd('/') });
        var running = new RunningBot(bot, url);
        using var client = running.Client();
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (true)
        {
            if (bot.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The bot {(bot.HasExited ? "stopped" : "did not become ready")}.\n{bot.Output}{bot.Errors}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }
    }

    public HttpClient Client() => new() { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Until a poller has read someone's tasks once: what was open then is never announced.</summary>
    public static async Task WaitForFirstPollAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (true)
        {
            await using (var connection = await database.OpenConnectionAsync())
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = """SELECT COUNT(*) FROM "NotificationSettings" WHERE "LastPolledAt" IS NOT NULL""";
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No bot polled its users' tasks.");
            }

            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
