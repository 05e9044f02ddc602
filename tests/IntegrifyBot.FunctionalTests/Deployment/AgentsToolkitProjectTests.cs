using IntegrifyBot.TestInfrastructure;
using YamlDotNet.RepresentationModel;

namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>m365agents.yml is a project file the Agents Toolkit can run from start to end.</summary>
public sealed class AgentsToolkitProjectTests
{
    // The actions of the toolkit's project file schema v1.13, as @microsoft/m365agentstoolkit-cli
    // 1.1.17 ships it (resource/yaml-schema/v1.13/yaml.schema.json).
    private static readonly HashSet<string> ToolkitActions = new(StringComparer.Ordinal)
    {
        "aadApp/create", "aadApp/update", "arm/deploy", "azureStorage/enableStaticWebsite", "cli/runNpmCommand",
        "cli/runDotnetCommand", "cli/runNpxCommand", "azureStorage/deploy", "azureAppService/zipDeploy",
        "azureFunctions/zipDeploy", "teamsApp/create", "teamsApp/validateManifest", "teamsApp/validateAppPackage",
        "teamsApp/validateWithTestCases", "teamsApp/zipAppPackage", "teamsApp/update", "teamsApp/publishAppPackage",
        "botAadApp/create", "botFramework/create", "file/createOrUpdateEnvironmentFile", "file/createOrUpdateJsonFile",
        "devTool/install", "teamsApp/extendToM365", "spfx/deploy", "teamsApp/copyAppPackageToSPFx", "script",
        "apiKey/register", "azureStaticWebApps/getDeploymentToken", "apiKey/update", "oauth/register", "oauth/update",
        "dcr/register", "devChannel/create", "devChannel/installApp", "typeSpec/compile", "copilotAgent/publish",
    };

    private static string EnvironmentFolder => Path.Combine(Repository.Root, "env");

    [Fact]
    public void The_project_file_has_provision_deploy_and_publish_each_a_list_of_toolkit_actions()
    {
        var project = AgentsToolkitProject.Load(Repository.Root);

        Assert.Equal("v1.13", ToolkitAction.Scalar(project.Root, "version"));
        Assert.Equal("./env", ToolkitAction.Scalar(project.Root, "environmentFolderPath"));
        Assert.All(AgentsToolkitProject.Stages, stage =>
        {
            var actions = project.Stage(stage);
            Assert.True(actions is { Children.Count: > 0 }, $"m365agents.yml has no list of actions under {stage}");
            Assert.All(actions.Children, action =>
            {
                var uses = ToolkitAction.Scalar(Assert.IsType<YamlMappingNode>(action), "uses");
                Assert.True(uses is not null && ToolkitActions.Contains(uses), $"{stage} has an action the toolkit does not know: uses {uses ?? "(nothing)"}");
            });
        });
    }

    [Fact]
    public void Every_variable_an_action_reads_is_declared_in_env_dev_or_written_by_an_action_before_it()
    {
        var project = AgentsToolkitProject.Load(Repository.Root);

        var problems = project.VariablesReadBeforeWritten(EnvironmentFile.Read(Path.Combine(EnvironmentFolder, ".env.dev")));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void An_action_reading_a_variable_that_no_earlier_action_writes_is_caught()
    {
        var project = AgentsToolkitProject.Load(Repository.Root);
        var provision = project.Stage("provision")!;
        Assert.Equal("aadApp/create", ToolkitAction.Scalar((YamlMappingNode)provision.Children[0], "uses"));
        provision.Children.RemoveAt(0);

        var problems = project.VariablesReadBeforeWritten(EnvironmentFile.Read(Path.Combine(EnvironmentFolder, ".env.dev")));

        Assert.Contains(problems, problem => problem.StartsWith("provision: teamsApp/create", StringComparison.Ordinal) && problem.EndsWith(" reads BOT_ID", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_file_an_action_names_is_in_the_repository()
    {
        var missing = AgentsToolkitProject.Load(Repository.Root).Actions()
            .SelectMany(action => action.Files().Select(file => (action, file)))
            .Where(named => !File.Exists(Path.Combine(Repository.Root, named.file)))
            .Select(named => $"{named.action} names {named.file}")
            .ToList();

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void The_toolkit_compiles_the_templates_with_the_Bicep_version_the_tests_compile_them_with()
    {
        var deployments = AgentsToolkitProject.Load(Repository.Root).Actions().Where(action => action.Uses == "arm/deploy").ToList();

        Assert.NotEmpty(deployments);
        Assert.All(deployments, action => Assert.Equal($"v{BicepCompiler.Version}", ToolkitAction.Scalar(action.With, "bicepCliVersion")));
    }

    [Fact]
    public void The_committed_environment_files_hold_no_secret_and_the_secret_ones_are_ignored()
    {
        var files = Directory.EnumerateFiles(EnvironmentFolder, ".env.*").Where(file => !file.EndsWith(".user", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.DoesNotContain(EnvironmentFile.Read(file).Keys, key => key.StartsWith("SECRET_", StringComparison.Ordinal)));
        // The toolkit writes SECRET_ values to env/.env.<env>.user.
        Assert.Contains("*.user", File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore")));
    }
}
