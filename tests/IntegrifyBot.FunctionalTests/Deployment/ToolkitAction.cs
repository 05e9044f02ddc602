using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>
/// One action of m365agents.yml (`- uses: ...`): the environment variables it reads through
/// `${{NAME}}` placeholders, and the ones it writes for the actions after it.
/// </summary>
internal sealed partial record ToolkitAction(string Stage, YamlMappingNode Node)
{
    public string Uses => Scalar(Node, "uses") ?? "";

    public override string ToString() => $"{Stage}: {Uses}{(Scalar(Node, "name") is { } name ? $" ({name})" : "")}";

    /// <summary>
    /// Variables read by the action itself, and by the ARM parameters files it deploys with (the
    /// toolkit fills those files' placeholders the same way, and refuses an empty one).
    /// </summary>
    public IEnumerable<string> Reads(string projectFolder) =>
        Scalars(Node).Concat(ParametersFiles().Select(file => File.ReadAllText(Path.Combine(projectFolder, file))))
            .SelectMany(text => Placeholder().Matches(text).Select(match => match.Groups[1].Value))
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Variables the action writes: those its writeToEnvironmentFile names, the ones a script
    /// prints as `::set-teamsfx-env NAME=value` (in its command or the script file it runs), and an
    /// ARM deployment's template outputs, which the toolkit writes under their names in upper case.
    /// </summary>
    public IEnumerable<string> Writes(string projectFolder)
    {
        var written = Node.Children.TryGetValue(new YamlScalarNode("writeToEnvironmentFile"), out var outputs) && outputs is YamlMappingNode mapping
            ? mapping.Children.Values.OfType<YamlScalarNode>().Select(value => value.Value!)
            : [];
        if (Uses == "script")
        {
            var run = Scalar(With, "run") ?? "";
            var scripts = run.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(word => word.EndsWith(".sh", StringComparison.Ordinal) && File.Exists(Path.Combine(projectFolder, word)))
                .Select(word => File.ReadAllText(Path.Combine(projectFolder, word)));
            written = written.Concat(scripts.Prepend(run).SelectMany(text => SetEnvironment().Matches(text).Select(match => match.Groups[1].Value)));
        }

        var outputsOfTemplates = Templates().SelectMany(template => TemplateOutput().Matches(File.ReadAllText(Path.Combine(projectFolder, template))))
            .Select(match => match.Groups[1].Value.ToUpperInvariant());
        return written.Concat(outputsOfTemplates).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Files of the repository the action names: templates, parameters files, scripts.</summary>
    public IEnumerable<string> Files() =>
        Templates().Concat(ParametersFiles())
            .Concat((Scalar(With, "run") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.EndsWith(".sh", StringComparison.Ordinal)));

    public IEnumerable<string> Templates() => TemplateEntries().Select(entry => Scalar(entry, "path")).OfType<string>();

    public IEnumerable<string> ParametersFiles() => TemplateEntries().Select(entry => Scalar(entry, "parameters")).OfType<string>();

    public YamlMappingNode With => Node.Children.TryGetValue(new YamlScalarNode("with"), out var with) && with is YamlMappingNode mapping ? mapping : new YamlMappingNode();

    private IEnumerable<YamlMappingNode> TemplateEntries() =>
        With.Children.TryGetValue(new YamlScalarNode("templates"), out var templates) && templates is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [];

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static IEnumerable<string> Scalars(YamlNode node) =>
        node switch
        {
            YamlScalarNode scalar => [scalar.Value ?? ""],
            YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
            YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
            _ => [],
        };

    // The toolkit's own pattern for a placeholder.
    [GeneratedRegex(@"\$\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"::set-teamsfx-env\s+(\w+)=", RegexOptions.CultureInvariant)]
    private static partial Regex SetEnvironment();

    [GeneratedRegex(@"^output\s+(\w+)\s", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex TemplateOutput();
}
