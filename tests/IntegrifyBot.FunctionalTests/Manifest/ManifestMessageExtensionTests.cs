using System.Text.Json;

namespace IntegrifyBot.FunctionalTests.Manifest;

/// <summary>The package's message extension: its commands, and the links it asks Teams to hand to the bot.</summary>
[Collection(PackScript.Name)]
public sealed class ManifestMessageExtensionTests(PackedAppFixture packed)
{
    private static readonly string[] ComposeAndCommandBox = ["compose", "commandBox"];

    [Fact]
    public void Message_extension_belongs_to_the_bot_and_cannot_be_configured()
    {
        var extension = Assert.Single(packed.ManifestRoot().GetProperty("composeExtensions").EnumerateArray());

        Assert.Equal(PackedAppFixture.BotId, extension.GetProperty("botId").GetString());
        Assert.False(extension.GetProperty("canUpdateConfiguration").GetBoolean());
    }

    [Theory]
    [InlineData("myTasks", "My tasks")]
    [InlineData("myRequests", "My requests")]
    [InlineData("processes", "Processes")]
    public void Search_command_lists_results_at_once_and_takes_one_search_text(string id, string title)
    {
        var command = Command(packed.ManifestRoot(), id);

        Assert.Equal("query", command.GetProperty("type").GetString());
        Assert.Equal(title, command.GetProperty("title").GetString());
        Assert.True(command.GetProperty("initialRun").GetBoolean(), $"{id} shows nothing until the user types");
        Assert.Equal(ComposeAndCommandBox, Strings(command.GetProperty("context")));
        var parameter = Assert.Single(command.GetProperty("parameters").EnumerateArray());
        Assert.Equal("search", parameter.GetProperty("name").GetString());
        Assert.Equal("text", parameter.GetProperty("inputType").GetString());
        Assert.False(string.IsNullOrEmpty(parameter.GetProperty("title").GetString()), $"{id}'s search box has no title");
    }

    [Fact]
    public void Start_request_is_a_dialog_offered_in_the_compose_box_the_command_box_and_on_a_message()
    {
        var command = Command(packed.ManifestRoot(), "startRequest");

        Assert.Equal("action", command.GetProperty("type").GetString());
        Assert.Equal("Start a request", command.GetProperty("title").GetString());
        Assert.True(command.GetProperty("fetchTask").GetBoolean(), "the dialog must be asked of the bot, not declared in the manifest");
        Assert.Equal(["compose", "commandBox", "message"], Strings(command.GetProperty("context")));
    }

    [Fact]
    public void Message_extension_unfurls_links_to_exactly_the_given_Integrify_host()
    {
        var extension = packed.ManifestRoot().GetProperty("composeExtensions")[0];

        var handler = Assert.Single(extension.GetProperty("messageHandlers").EnumerateArray());
        Assert.Equal("link", handler.GetProperty("type").GetString());
        Assert.Equal([PackedAppFixture.IntegrifyHost], Strings(handler.GetProperty("value").GetProperty("domains")));
    }

    [Fact]
    public void Integrify_host_is_not_a_valid_domain_because_nothing_of_Integrify_is_loaded_inside_Teams()
    {
        Assert.Equal([PackedAppFixture.Host], Strings(packed.ManifestRoot().GetProperty("validDomains")));
    }

    [Theory]
    [InlineData("https://acme.integrify.com/")]
    [InlineData("https://ACME.Integrify.com")]
    [InlineData("http://acme.integrify.com:8080/")]
    public async Task Integrify_address_given_as_a_URL_yields_its_host(string address)
    {
        var (run, manifest) = await packed.PackAnotherAsync("--integrify-host", address);

        Assert.True(run.ExitCode == 0 && manifest is not null, $"packing with --integrify-host {address} failed: {run}");
        var handler = manifest.Value.GetProperty("composeExtensions")[0].GetProperty("messageHandlers")[0];
        Assert.Equal(["acme.integrify.com"], Strings(handler.GetProperty("value").GetProperty("domains")));
    }

    [Fact]
    public async Task Without_an_Integrify_host_the_package_has_the_commands_but_no_link_handler_and_says_so()
    {
        var (run, manifest) = await packed.PackAnotherAsync();

        Assert.True(run.ExitCode == 0 && manifest is not null, $"packing without --integrify-host failed: {run}");
        Assert.Contains("--integrify-host", run.StandardOutput, StringComparison.Ordinal);
        var extension = manifest.Value.GetProperty("composeExtensions")[0];
        Assert.False(extension.TryGetProperty("messageHandlers", out _), "a link handler was packed without a host to register");
        Assert.Equal(4, extension.GetProperty("commands").GetArrayLength());
        TeamsSchema.AssertValid(packed.RepositoryRoot, manifest.Value);
    }

    [Theory]
    [InlineData("https://acme.integrify.com/tasks")]
    [InlineData("acme.integrify.com/tasks")]
    [InlineData("ftp://acme.integrify.com")]
    [InlineData("file:///etc/hosts")]
    [InlineData("")]
    [InlineData("acme integrify.com")]
    [InlineData(" acme.integrify.com")]
    [InlineData("*.integrify.com")]
    [InlineData("http://localhost:5000/")]
    public async Task Pack_script_refuses_a_malformed_Integrify_host_with_a_one_line_error(string value)
    {
        var output = Path.Combine(packed.WorkDirectory, "bad-integrify-host.zip");

        var run = await packed.RunPackAsync(
            "--bot-id", PackedAppFixture.BotId, "--host", PackedAppFixture.Host, "--integrify-host", value, "--out", output);

        Assert.True(run.ExitCode == 2, $"expected exit code 2, {run}");
        Assert.Single(run.StandardError.Trim().Split('\n'));
        Assert.StartsWith("pack: --integrify-host ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains($"(got '{value}')", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output), $"a package was written despite --integrify-host '{value}'");
    }

    private static JsonElement Command(JsonElement manifest, string id)
    {
        var commands = manifest.GetProperty("composeExtensions")[0].GetProperty("commands").EnumerateArray().ToList();
        return Assert.Single(commands, command => command.GetProperty("id").GetString() == id);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
