using System.IO.Compression;
using System.Text.Json;
using IntegrifyBot.FunctionalTests.Manifest;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>The Teams app package `atk provision` and `atk publish` build is valid for Teams.</summary>
[Collection(PackScript.Name)]
public sealed class ToolkitAppPackageTests(PackedAppFixture packed)
{
    // What provisioning would write to env/.env.dev: an Azure Container Apps host name and the
    // Integrify address as an administrator sets it.
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["BOT_ID"] = PackedAppFixture.BotId,
        ["BOT_DOMAIN"] = "integrifybot-dev.purplesand-1a2b3c4d.westeurope.azurecontainerapps.io",
        ["INTEGRIFY_BASE_URL"] = "https://acme.integrify.com",
        ["APP_VERSION"] = "1.0.0",
        ["TEAMSFX_ENV"] = "dev",
    };

    [Fact]
    public async Task The_package_the_toolkit_builds_with_the_pack_script_is_valid_against_the_Teams_schema()
    {
        var builds = AgentsToolkitProject.Load(Repository.Root).Actions().Where(action => action.Uses == "cli/runDotnetCommand").ToList();
        var arguments = builds.Select(action => ToolkitAction.Scalar(action.With, "args")!).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(["provision", "publish"], builds.Select(action => action.Stage));
        var command = Assert.Single(arguments);
        Assert.StartsWith("run manifest/pack.cs -- ", command, StringComparison.Ordinal);
        var zip = Path.Combine(packed.WorkDirectory, "toolkit.zip");
        var options = command["run manifest/pack.cs -- ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => Environment.Aggregate(word, (text, variable) => text.Replace("${{" + variable.Key + "}}", variable.Value, StringComparison.Ordinal)))
            .ToList();
        options[options.IndexOf("--out") + 1] = zip;

        var run = await packed.RunPackAsync([.. options]);

        Assert.True(run.ExitCode == 0, $"the pack script refused the toolkit's arguments {string.Join(' ', options)}: {run}");
        using var archive = ZipFile.OpenRead(zip);
        await using var entry = archive.GetEntry("manifest.json")!.Open();
        using var manifest = await JsonDocument.ParseAsync(entry);
        TeamsSchema.AssertValid(packed.RepositoryRoot, manifest.RootElement);
        Assert.Equal(Environment["BOT_DOMAIN"], manifest.RootElement.GetProperty("validDomains")[0].GetString());
    }
}
