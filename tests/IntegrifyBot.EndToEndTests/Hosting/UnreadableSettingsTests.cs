using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.EndToEndTests.Hosting;

/// <summary>
/// The published bot started (in demo mode) with one setting it cannot use, in each section it
/// reads: it stops at once with exit code 2 and one line that names the key, never a stack trace,
/// whether the setting is read while the host is built, when the options are bound, or later.
/// </summary>
public sealed class UnreadableSettingsTests(PublishedBot published) : IClassFixture<PublishedBot>
{
    [Theory]
    [InlineData("Bot__Mode", "Demoo", "Bot:Mode must be one of Production, Development, Demo.")]
    [InlineData("Bot__MaxRequestBodyBytes", "abc", "Bot:MaxRequestBodyBytes must be a whole number between 4096 and 4194304.")]
    [InlineData("Bot__MaxRequestBodyBytes", "12", "Bot:MaxRequestBodyBytes must be between 4096 and 4194304")]
    [InlineData("Bot__InvokeTimeout", "soon", "Bot:InvokeTimeout must be a duration between 00:00:00.5 and 00:00:14")]
    [InlineData("Bot__PublicUrl", "https://[bot", "Bot:PublicUrl must be an address")]
    [InlineData("Storage__Provider", "Mongo", "Storage:Provider must be one of Sqlite, Postgres.")]
    [InlineData("Storage__AllowUnprotectedKeyRing", "maybe", "Storage:AllowUnprotectedKeyRing must be true or false.")]
    [InlineData("Integrify__MaxRetries", "two or three", "Integrify:MaxRetries must be a whole number between 0 and 5.")]
    [InlineData("Integrify__MaxRetries", "9", "Integrify:MaxRetries must be between 0 and 5.")]
    [InlineData("Integrify__Paths__MyTasks", "https://elsewhere.example/list", "Integrify:Paths:MyTasks must be a path on the Integrify instance that starts with a single /")]
    [InlineData("Integrify__Paths__Approvals", "/api/approvals/{recipientTaskSid}", "Integrify:Paths:Approvals is not a call the bot makes")]
    [InlineData("Integrify__Permissions__Start", "start&all=1", "Integrify:Permissions:Start must be a word of letters")]
    [InlineData("Linking__ZeroTouch__UserNameFrom", "Nickname", "Linking:ZeroTouch:UserNameFrom must be one of EmailLocalPart, Email, UpnLocalPart, Upn.")]
    [InlineData("Linking__ZeroTouch__Enabled", "yes please", "Linking:ZeroTouch:Enabled must be true or false.")]
    [InlineData("Notifications__PollInterval", "2m", "Notifications:PollInterval must be a duration between 00:00:01 and 1.00:00:00")]
    [InlineData("Notifications__SendingEnabled", "switched on", "Notifications:SendingEnabled must be true or false.")]
    [InlineData("Reports__ExportLinkLifetime", "ten minutes", "Reports:ExportLinkLifetime must be a duration")]
    [InlineData("Telemetry__OtlpEndpoint", "traces.contoso.com", "Telemetry:OtlpEndpoint must be the OTLP collector's http or https address")]
    [InlineData("MicrosoftAppType", "MultiTenantt", "MicrosoftAppType must be SingleTenant or UserAssignedMSI")]
    [InlineData("ValidateAuthority", "maybe", "ValidateAuthority must be true or false.")]
    [InlineData("Logging__LogLevel__Default", "Verbose", "Logging:LogLevel:Default must be one of Trace, Debug, Information, Warning, Error, Critical, None.")]
    [InlineData("Logging__Console__FormatterOptions__UseUtcTimestamp", "yes please", "Logging:Console:FormatterOptions:UseUtcTimestamp must be true or false.")]
    [InlineData("Urls", "bot.contoso.com", "Urls must be the addresses to listen on")]
    public async Task A_setting_the_bot_cannot_use_stops_the_start_with_one_line_naming_it(string variable, string value, string expected)
    {
        await using var bot = published.Start(Demo(new() { [variable] = value }));

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IntegrifyBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(value, line, StringComparison.Ordinal);
        Assert.False(RecordedLogs.HasStackTrace(bot.Output + bot.Errors), bot.Output + bot.Errors);
    }

    [Fact]
    public async Task Every_setting_it_cannot_use_is_named_in_the_same_line()
    {
        await using var bot = published.Start(Demo(new()
        {
            ["Bot__Mode"] = "Demoo",
            ["Storage__Provider"] = "Mongo",
            ["Notifications__PollInterval"] = "2m",
            ["Logging__LogLevel__Default"] = "Verbose",
        }));

        var exitCode = await bot.WaitForExitAsync(TestBudgets.Eventually);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(["Bot:Mode", "Storage:Provider", "Notifications:PollInterval", "Logging:LogLevel:Default"], key => Assert.Contains(key + " must be", line, StringComparison.Ordinal));
    }

    // Demo mode with an Integrify address (nobody answers there: these bots never get that far), on a
    // free port and a data folder of its own.
    private static Dictionary<string, string> Demo(Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Path.Combine(Path.GetTempPath(), "integrifybot-tests", Guid.NewGuid().ToString("N")),
            ["Integrify__BaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}/",
            ["Integrify__Tenant"] = "demo",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }
}
