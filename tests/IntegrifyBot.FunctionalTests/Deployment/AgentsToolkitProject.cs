using YamlDotNet.RepresentationModel;

namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>m365agents.yml as the Agents Toolkit reads it: its lifecycle stages and their actions.</summary>
internal sealed class AgentsToolkitProject
{
    /// <summary>The stages in the order an administrator runs them.</summary>
    public static readonly IReadOnlyList<string> Stages = ["provision", "deploy", "publish"];

    private AgentsToolkitProject(YamlMappingNode root, string folder)
    {
        Root = root;
        Folder = folder;
    }

    public YamlMappingNode Root { get; }

    public string Folder { get; }

    public static AgentsToolkitProject Load(string folder) => Parse(File.ReadAllText(Path.Combine(folder, "m365agents.yml")), folder);

    public static AgentsToolkitProject Parse(string yaml, string folder)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        Assert.True(stream.Documents.Count == 1, $"m365agents.yml holds {stream.Documents.Count} YAML documents, not one");
        var root = Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
        return new AgentsToolkitProject(root, folder);
    }

    /// <summary>The stage's list, or null when the file has no such stage or it is not a list.</summary>
    public YamlSequenceNode? Stage(string stage) =>
        Root.Children.TryGetValue(new YamlScalarNode(stage), out var node) ? node as YamlSequenceNode : null;

    public IEnumerable<ToolkitAction> Actions() =>
        Stages.SelectMany(stage => (Stage(stage)?.Children ?? []).OfType<YamlMappingNode>().Select(node => new ToolkitAction(stage, node)));

    /// <summary>
    /// Each variable an action reads that neither the environment file declares nor an action before
    /// it (in this stage or an earlier one) writes: the toolkit stops at such an action.
    /// </summary>
    public IReadOnlyList<string> VariablesReadBeforeWritten(IReadOnlyDictionary<string, string> environmentFile)
    {
        var known = new HashSet<string>(environmentFile.Keys, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var action in Actions())
        {
            problems.AddRange(action.Reads(Folder).Where(name => !known.Contains(name)).Select(name => $"{action} reads {name}"));
            known.UnionWith(action.Writes(Folder));
        }

        return problems;
    }
}
