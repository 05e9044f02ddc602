using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>
/// What infra/main.bicep would deploy for given parameters, as `bicep snapshot` evaluates it without
/// Azure: every resource with its properties. A value only Azure knows (another resource's address,
/// say) stays an ARM expression.
/// </summary>
internal sealed class TemplateSnapshot
{
    /// <summary>Parameters as provisioning and a first deploy give them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Deployed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["environmentName"] = "dev",
        ["botAppId"] = "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        ["botAppPassword"] = "not-a-real-secret",
        ["botTenantId"] = "9188040d-6c67-4c5b-b112-36a304b66dad",
        ["integrifyBaseUrl"] = "https://acme.integrify.com",
        ["integrifyTenant"] = "acme",
        ["containerImage"] = "crintegrifybotdev.azurecr.io/integrifybot:0123456789ab-20261206120000",
        ["keyRingCertificateVersion"] = "0123456789abcdef0123456789abcdef",
        ["keyRingPreviousCertificateVersions"] = "none",
        ["postgresAdminPassword"] = "Pg0123456789abcdef",
        ["keyVaultAdministratorPrincipalId"] = "11111111-2222-3333-4444-555555555555",
    };

    private TemplateSnapshot(JsonObject snapshot)
    {
        Resources = snapshot["predictedResources"]!.AsArray().OfType<JsonObject>().ToList();
        Outputs = snapshot["outputs"]!.AsObject();
    }

    public IReadOnlyList<JsonObject> Resources { get; }

    public JsonObject Outputs { get; }

    /// <summary>Evaluates main.bicep in a copy of infra/ under <paramref name="workFolder"/>.</summary>
    public static async Task<TemplateSnapshot> OfMainAsync(string workFolder, IReadOnlyDictionary<string, string>? changes = null)
    {
        var infra = Path.Combine(workFolder, "infra");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "infra"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(infra, Path.GetRelativePath(Path.Combine(Repository.Root, "infra"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }

        var parameters = Deployed.ToDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }

        var parametersFile = Path.Combine(infra, "main.bicepparam");
        await File.WriteAllLinesAsync(parametersFile, parameters.Select(p => $"param {p.Key} = '{p.Value}'").Prepend("using 'main.bicep'"));
        var run = await BicepCompiler.SnapshotAsync(parametersFile);
        Assert.True(run.ExitCode == 0 && run.Diagnostics.Count == 0, $"bicep snapshot of infra/main.bicep failed: {run}");
        return new TemplateSnapshot(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(infra, "main.snapshot.json")))!.AsObject());
    }

    public IEnumerable<JsonObject> OfType(string type) => Resources.Where(resource => (string?)resource["type"] == type);

    public JsonObject Single(string type) => Assert.Single(OfType(type));
}
