namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>The Azure Bot infra/main.bicep registers sends Teams to the bot, signed for its identity.</summary>
public sealed class BotRegistrationTests : IDisposable
{
    private readonly string workFolder = Path.Combine(Path.GetTempPath(), $"integrifybot-registration-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_Azure_Bot_sends_Teams_activities_to_the_container_app_for_the_single_tenant_app()
    {
        var snapshot = await TemplateSnapshot.OfMainAsync(workFolder);
        var bot = snapshot.Single("Microsoft.BotService/botServices")["properties"]!;
        var channel = snapshot.Single("Microsoft.BotService/botServices/channels");
        var app = snapshot.Single("Microsoft.App/containerApps")["properties"]!;
        var settings = app["template"]!["containers"]![0]!["env"]!.AsArray().Select(setting => (string)setting!["name"]!).ToList();

        Assert.Equal("SingleTenant", (string?)bot["msaAppType"]);
        Assert.Equal(TemplateSnapshot.Deployed["botAppId"], (string?)bot["msaAppId"]);
        Assert.Equal(TemplateSnapshot.Deployed["botTenantId"], (string?)bot["msaAppTenantId"]);
        Assert.Equal((string?)snapshot.Outputs["BOT_ENDPOINT"], (string?)bot["endpoint"]);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.Contains("MicrosoftAppPassword", settings);
        Assert.Single(snapshot.OfType("Microsoft.KeyVault/vaults/secrets"), secret => ((string)secret["name"]!).EndsWith("/bot-app-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_managed_identity_the_Azure_Bot_and_the_bot_use_it_and_no_client_secret_exists()
    {
        var snapshot = await TemplateSnapshot.OfMainAsync(workFolder, new Dictionary<string, string> { ["botAppType"] = "UserAssignedMSI", ["botAppPassword"] = "" });
        var bot = snapshot.Single("Microsoft.BotService/botServices")["properties"]!;
        var app = snapshot.Single("Microsoft.App/containerApps")["properties"]!;
        var settings = app["template"]!["containers"]![0]!["env"]!.AsArray()
            .ToDictionary(setting => (string)setting!["name"]!, setting => (string?)setting!["value"], StringComparer.Ordinal);

        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.EndsWith("/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-integrifybot-dev", (string?)bot["msaAppMSIResourceId"], StringComparison.Ordinal);
        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]);
        Assert.DoesNotContain("MicrosoftAppPassword", settings.Keys);
        Assert.DoesNotContain(snapshot.OfType("Microsoft.KeyVault/vaults/secrets"), secret => ((string)secret["name"]!).EndsWith("/bot-app-password", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(workFolder))
        {
            Directory.Delete(workFolder, recursive: true);
        }
    }
}
