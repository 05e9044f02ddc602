using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>The container app infra/main.bicep deploys runs the bot the way docs/deployment.md says.</summary>
public sealed class MainTemplateTests : IDisposable
{
    private readonly string workFolder = Path.Combine(Path.GetTempPath(), $"integrifybot-main-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_bot_keeps_at_least_two_replicas_and_is_probed_on_healthz_and_readyz()
    {
        var template = (await SnapshotAsync()).Single("Microsoft.App/containerApps")["properties"]!["template"]!;
        var probes = Bot(template)["probes"]!.AsArray().ToDictionary(probe => (string)probe!["type"]!, probe => (string?)probe!["httpGet"]?["path"]);
        var compiled = await CompileMainAsync();

        Assert.Equal("/healthz", probes["Liveness"]);
        Assert.Equal("/readyz", probes["Readiness"]);
        Assert.Equal(2, (int)template["scale"]!["minReplicas"]!);
        Assert.Equal(2, (int)compiled["parameters"]!["minReplicas"]!["minValue"]!);
    }

    [Fact]
    public async Task Every_setting_the_container_gives_the_bot_is_a_key_of_its_configuration()
    {
        var snapshot = await SnapshotAsync(new Dictionary<string, string> { ["keyRingPreviousCertificateVersions"] = "aaaa1111,bbbb2222" });
        var settings = Settings(Bot(snapshot.Single("Microsoft.App/containerApps")["properties"]!["template"]!)).Keys.ToList();
        var configuration = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "appsettings.json")))!;

        Assert.Contains("Storage__KeyRingCertificatePath", settings);
        Assert.All(settings, setting =>
        {
            // From an index on (Bot__AllowedTenantIds__0) the setting names an item of a list, which
            // appsettings.json leaves empty: the list's key is what can be checked.
            var path = setting.Split("__").TakeWhile(part => !int.TryParse(part, out _)).ToList();
            var node = path.Aggregate((JsonNode?)configuration, (parent, key) => parent is JsonObject parentObject && parentObject.TryGetPropertyValue(key, out var child) ? child ?? JsonValue.Create("") : null);
            Assert.True(node is not null, $"{setting} is not a key of appsettings.json ({string.Join(':', path)}): the bot would ignore it");
        });
    }

    [Fact]
    public async Task The_bot_reads_each_key_ring_certificate_where_the_step_before_it_decodes_it()
    {
        var snapshot = await SnapshotAsync(new Dictionary<string, string> { ["keyRingPreviousCertificateVersions"] = "aaaa1111, bbbb2222" });
        var app = snapshot.Single("Microsoft.App/containerApps")["properties"]!["template"]!;
        var settings = Settings(Bot(app));
        var decode = Assert.Single(app["initContainers"]!.AsArray())!;
        var files = app["volumes"]!.AsArray().Single(volume => (string?)volume!["name"] == "keyring-vault")!["secrets"]!.AsArray()
            .Select(file => (string)file!["path"]!).ToList();

        Assert.Equal(["current", "previous-0", "previous-1"], files);
        Assert.Equal("/app/keyring/current.pfx", settings["Storage__KeyRingCertificatePath"]);
        Assert.Equal("/app/keyring/previous-0.pfx", settings["Storage__PreviousKeyRingCertificates__0__Path"]);
        Assert.Equal("/app/keyring/previous-1.pfx", settings["Storage__PreviousKeyRingCertificates__1__Path"]);
        Assert.Equal("/mnt/keyring-vault", MountPath(decode, "keyring-vault"));
        Assert.Equal("/app/keyring", MountPath(decode, "keyring"));
        Assert.Equal("/app/keyring", MountPath(Bot(app), "keyring"));
    }

    [Fact]
    [SupportedOSPlatform("linux")] // Like the compiler these tests run, and the container the step runs in.
    public async Task The_step_turns_key_vault_s_base64_text_into_certificates_only_the_bot_s_user_reads_and_the_bot_loads()
    {
        var app = (await SnapshotAsync(new Dictionary<string, string> { ["keyRingPreviousCertificateVersions"] = "aaaa1111" }))
            .Single("Microsoft.App/containerApps")["properties"]!["template"]!;
        var decode = Assert.Single(app["initContainers"]!.AsArray())!;
        var vault = Directory.CreateDirectory(Path.Combine(workFolder, "vault")).FullName;
        var keyring = Directory.CreateDirectory(Path.Combine(workFolder, "keyring")).FullName;
        var current = TestCertificate.AsKeyVaultSecret("current");
        var previous = TestCertificate.AsKeyVaultSecret("previous-0");
        await File.WriteAllTextAsync(Path.Combine(vault, "current"), current.Secret);
        await File.WriteAllTextAsync(Path.Combine(vault, "previous-0"), previous.Secret);

        // The step's own shell command, run by this machine's sh and base64 on folders standing in for its volumes.
        var command = ((string)decode["args"]![0]!)
            .Replace(MountPath(decode, "keyring-vault")!, vault, StringComparison.Ordinal)
            .Replace(MountPath(decode, "keyring")!, keyring, StringComparison.Ordinal);
        var shell = decode["command"]!.AsArray().Select(part => (string)part!).ToList();
        var (exitCode, output) = await BotProcess.RunToEndAsync(shell[0], [.. shell.Skip(1), command], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"the decoding step failed: {output}");
        var loaded = KeyRingCertificates.Load(new StorageOptions
        {
            KeyRingCertificatePath = Path.Combine(keyring, "current.pfx"),
            PreviousKeyRingCertificates = { new KeyRingCertificateFile { Path = Path.Combine(keyring, "previous-0.pfx") } },
        });

        Assert.Empty(loaded.Problems);
        Assert.Equal(current.Thumbprint, loaded.Current!.Thumbprint);
        Assert.Equal(previous.Thumbprint, Assert.Single(loaded.Previous).Thumbprint);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keyring, "current.pfx")));
    }

    [Fact]
    public async Task Before_the_first_image_there_is_no_container_app_but_the_bot_s_endpoint_is_known()
    {
        var snapshot = await SnapshotAsync(new Dictionary<string, string> { ["containerImage"] = "none", ["keyRingCertificateVersion"] = "none" });

        Assert.Empty(snapshot.OfType("Microsoft.App/containerApps"));
        Assert.EndsWith("/api/messages', format('{0}.{1}', 'integrifybot-dev', reference('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-integrifybot/providers/Microsoft.App/managedEnvironments/cae-integrifybot-dev', '2024-03-01').defaultDomain))]", (string)snapshot.Outputs["BOT_ENDPOINT"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parameters_file_gives_every_required_parameter_of_main_and_no_other()
    {
        var parameters = (await CompileMainAsync())["parameters"]!.AsObject();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "infra", "main.parameters.json")))!["parameters"]!.AsObject();

        var unknown = file.Select(p => p.Key).Where(name => !parameters.ContainsKey(name)).ToList();
        var missing = parameters.Where(p => p.Value!["defaultValue"] is null && !file.ContainsKey(p.Key)).Select(p => p.Key).ToList();

        Assert.True(unknown.Count == 0, $"main.parameters.json sets parameters main.bicep does not have: {string.Join(", ", unknown)}");
        Assert.True(missing.Count == 0, $"main.parameters.json does not set required parameters of main.bicep: {string.Join(", ", missing)}");
    }

    public void Dispose()
    {
        if (Directory.Exists(workFolder))
        {
            Directory.Delete(workFolder, recursive: true);
        }
    }

    private Task<TemplateSnapshot> SnapshotAsync(IReadOnlyDictionary<string, string>? changes = null) =>
        TemplateSnapshot.OfMainAsync(workFolder, changes);

    private async Task<JsonObject> CompileMainAsync()
    {
        var output = Path.Combine(workFolder, "build");
        var run = await BicepCompiler.BuildAsync(Path.Combine(Repository.Root, "infra", "main.bicep"), output);
        Assert.True(run.ExitCode == 0, $"bicep build infra/main.bicep failed: {run}");
        return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "main.json")))!.AsObject();
    }

    private static JsonNode Bot(JsonNode template) =>
        template["containers"]!.AsArray().Single(container => (string?)container!["name"] == "bot")!;

    /// <summary>The bot's environment variables: a value, or the name of the secret behind it.</summary>
    private static Dictionary<string, string> Settings(JsonNode bot) =>
        bot["env"]!.AsArray().ToDictionary(
            setting => (string)setting!["name"]!,
            setting => (string?)setting!["value"] ?? $"secret {(string)setting!["secretRef"]!}",
            StringComparer.Ordinal);

    private static string? MountPath(JsonNode container, string volume) =>
        (string?)container["volumeMounts"]!.AsArray().SingleOrDefault(mount => (string?)mount!["volumeName"] == volume)?["mountPath"];
}
