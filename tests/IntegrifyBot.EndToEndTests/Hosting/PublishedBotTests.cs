using System.Net;
using Integrify.Simulator;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.EndToEndTests.Hosting;

/// <summary>The published bot (what the container runs) started as a real process.</summary>
public sealed class PublishedBotTests(PublishedBot published) : IClassFixture<PublishedBot>
{
    [Fact]
    public async Task Production_without_an_app_id_refuses_to_start_with_a_one_line_reason()
    {
        await using var bot = published.Start(new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}" });

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        Assert.Equal(2, exitCode);
        var lines = bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("IntegrifyBot cannot start: MicrosoftAppId is not set", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output + bot.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_key_ring_certificate_refuses_to_start_with_a_one_line_reason()
    {
        await using var bot = published.Start(Production());

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IntegrifyBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("Storage:KeyRingCertificatePath is not set: production mode keeps the Data Protection key ring in the database encrypted", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output + bot.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_ring_certificate_that_cannot_be_opened_stops_the_start_with_a_one_line_reason()
    {
        const string wrongPassword = "not-the-pfx-password-5150";
        await using var bot = published.Start(Production(new()
        {
            ["Storage__KeyRingCertificatePath"] = TestCertificate.Shared.Path,
            ["Storage__KeyRingCertificatePassword"] = wrongPassword,
        }));

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IntegrifyBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains($"Storage:KeyRingCertificatePath {TestCertificate.Shared.Path} cannot be opened", line, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongPassword, bot.Output + bot.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_secret_too_short_to_resist_guessing_stops_the_start_with_a_one_line_reason()
    {
        const string shortSecret = "integrify-push-2024";
        await using var bot = published.Start(Production(new()
        {
            ["Storage__KeyRingCertificatePath"] = TestCertificate.Shared.Path,
            ["Storage__KeyRingCertificatePassword"] = TestCertificate.Shared.Password,
            ["Notifications__PushSecret"] = shortSecret,
        }));

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IntegrifyBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("Notifications:PushSecret must be at least 32 characters", line, StringComparison.Ordinal);
        Assert.DoesNotContain(shortSecret, bot.Output + bot.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_the_key_ring_unprotected_by_choice_starts_and_warns_loudly()
    {
        var environment = Production(new() { ["Storage__AllowUnprotectedKeyRing"] = "true" });
        await using var bot = published.Start(environment);

        Assert.True(await WaitForReadyAsync($"{environment["Urls"]}/readyz", bot), $"The bot did not become ready.\n{bot.Output}{bot.Errors}");

        Assert.Contains("!!! The Data Protection key ring is stored UNENCRYPTED", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_a_key_ring_certificate_starts_and_names_it()
    {
        var environment = Production(new()
        {
            ["Storage__KeyRingCertificatePath"] = TestCertificate.Shared.Path,
            ["Storage__KeyRingCertificatePassword"] = TestCertificate.Shared.Password,
        });
        await using var bot = published.Start(environment);

        Assert.True(await WaitForReadyAsync($"{environment["Urls"]}/readyz", bot), $"The bot did not become ready.\n{bot.Output}{bot.Errors}");

        Assert.Contains("The Data Protection key ring is encrypted with the certificate CN=IntegrifyBot key ring (shared)", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCertificate.Shared.Password, bot.Output + bot.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted", bot.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_stops_the_start_with_a_one_line_reason()
    {
        var file = Path.GetTempFileName();
        await using var bot = published.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Path.Combine(file, "data"),
            ["Integrify__BaseUrl"] = NothingListens(),
            ["Integrify__Tenant"] = "demo",
        });

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        File.Delete(file);
        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Bot:DataFolder", line, StringComparison.Ordinal);
        Assert.Contains("cannot be created", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_bot_holds_no_Integrify_simulator()
    {
        var files = Directory.EnumerateFiles(published.Folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.Contains("IntegrifyBot.dll", files);
        Assert.DoesNotContain(files, file => file!.StartsWith("Integrify.Simulator", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Integrify.Simulator", File.ReadAllText(Path.Combine(published.Folder, "IntegrifyBot.deps.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_start_without_an_Integrify_is_refused_with_one_line_naming_the_setting_and_the_demo_command()
    {
        await using var bot = published.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Path.Combine(Path.GetTempPath(), "integrifybot-tests", Guid.NewGuid().ToString("N")),
        });

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IntegrifyBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("Integrify:BaseUrl is not set", line, StringComparison.Ordinal);
        Assert.Contains("./run.sh", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output + bot.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_mode_starts_warns_loudly_and_passes_its_own_health_check()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions());
        var port = FreePort.Next();
        await using var bot = published.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Path.Combine(Path.GetTempPath(), "integrifybot-tests", Guid.NewGuid().ToString("N")),
            ["Integrify__BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify__Tenant"] = simulator.Options.Tenant,
            ["Integrify__OrganizationKey"] = "demo-org-key",
        });
        var healthz = $"http://127.0.0.1:{port}/healthz";

        var probe = await WaitForHealthyAsync(healthz, bot);

        Assert.Equal(0, probe);
        Assert.Contains("NOT authenticated", bot.Output, StringComparison.Ordinal);
        Assert.Single(bot.Output.Split('\n'), line => line.Contains("key ring is stored unencrypted", StringComparison.Ordinal));
        using var client = new HttpClient();
        using var ready = await client.GetAsync($"http://127.0.0.1:{port}/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task On_postgres_it_migrates_at_start_becomes_ready_and_never_logs_the_database_password()
    {
        await using var database = (PostgresTestDatabase)await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var port = FreePort.Next();
        await using var bot = published.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Path.Combine(Path.GetTempPath(), "integrifybot-tests", Guid.NewGuid().ToString("N")),
            ["Integrify__BaseUrl"] = NothingListens(),
            ["Integrify__Tenant"] = "demo",
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = database.ConnectionString,
            // Everything the bot and its libraries log, down to each connection they open (EF Core's
            // own setting in appsettings.json is more specific than Default, so it is raised too).
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Trace",
        });

        Assert.True(await WaitForReadyAsync($"http://127.0.0.1:{port}/readyz", bot), $"The bot did not become ready.\n{bot.Output}{bot.Errors}");

        var logs = bot.Output + bot.Errors;
        Assert.Contains(database.Name, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Password!, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgres_database_that_refuses_the_bot_stops_the_start_with_a_one_line_reason()
    {
        await using var database = (PostgresTestDatabase)await TestDatabase.CreateAsync(StorageProvider.Postgres);
        const string wrongPassword = "not-the-role-password-8086";
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = wrongPassword }.ToString();
        await using var bot = published.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Path.Combine(Path.GetTempPath(), "integrifybot-tests", Guid.NewGuid().ToString("N")),
            ["Integrify__BaseUrl"] = NothingListens(),
            ["Integrify__Tenant"] = "demo",
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = connectionString,
        });

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IntegrifyBot cannot start: the database (Storage:Provider, Storage:ConnectionString) cannot be used: ", line, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", line, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongPassword, bot.Output + bot.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_command_fails_when_nothing_answers()
    {
        await using var probe = published.Start(new Dictionary<string, string>(), "--healthcheck", $"http://127.0.0.1:{FreePort.Next()}/healthz");

        Assert.Equal(1, await probe.WaitForExitAsync(TestBudgets.Eventually));
    }

    // For a test whose bot never reaches Integrify: a loopback address with nobody behind it.
    private static string NothingListens() => $"http://127.0.0.1:{FreePort.Next()}/";

    // Everything production needs but the key ring's certificate, on a free port.
    private static Dictionary<string, string> Production(Dictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Bot__DataFolder"] = Path.Combine(Path.GetTempPath(), "integrifybot-tests", Guid.NewGuid().ToString("N")),
            ["MicrosoftAppId"] = "6f1f9f6e-2f55-4c3f-9d1a-2f0c0d7b1a11",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = "0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5",
            ["Integrify__BaseUrl"] = "https://acme.integrify.com",
            ["Integrify__Tenant"] = "acme",
        };
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        return environment;
    }

    private static async Task<bool> WaitForReadyAsync(string url, BotProcess bot)
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (!bot.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                using var ready = await client.GetAsync(url);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        return false;
    }

    // The container's HEALTHCHECK runs the same command; it is retried here until the bot listens.
    private async Task<int> WaitForHealthyAsync(string url, BotProcess bot)
    {
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (true)
        {
            await using var probe = published.Start(new Dictionary<string, string>(), "--healthcheck", url);
            var exitCode = await probe.WaitForExitAsync(TestBudgets.Eventually);
            if (exitCode == 0 || DateTime.UtcNow > deadline || bot.HasExited)
            {
                return exitCode;
            }
        }
    }
}
