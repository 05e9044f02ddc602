using System.Text.RegularExpressions;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.UnitTests.Hosting;

/// <summary>
/// The rules of the bot's folders: the Bot Framework SDK is archived, so everything that touches it
/// stays in src/IntegrifyBot/Teams and moving to its successor means rewriting that folder only; and
/// the folders depend on each other in one direction, so that a feature can be read, changed and
/// tested without the host or the Teams edge.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Source = Path.Combine(Repository.Root, "src", "IntegrifyBot");

    [Fact]
    public void Only_the_Teams_edge_uses_the_Bot_Framework_SDK()
    {
        var source = Source;
        var teams = Path.Combine(source, "Teams") + Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(teams, StringComparison.Ordinal) && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("Microsoft.Bot.", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(source, file))
            .ToList();

        Assert.True(Directory.Exists(teams));
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_folders_depend_on_each_other_without_a_cycle()
    {
        var uses = FolderDependencies();
        var cycles = Cycles(uses);

        Assert.True(uses["Teams"].Contains("Routing"), "the reading of the folders sees the edge using the router");
        Assert.Empty(cycles);
    }

    [Fact]
    public void The_Teams_edge_and_the_router_depend_on_no_feature_nor_on_the_host()
    {
        var uses = FolderDependencies();

        foreach (var lower in new[] { "Teams", "Routing", "Cards", "Conversations", "Settings", "RequestBodies", "Telemetry" })
        {
            var wrong = uses[lower].Where(used => used.StartsWith("Features", StringComparison.Ordinal) || used is "Notifications" or "Hosting").ToList();
            Assert.True(wrong.Count == 0, $"{lower} uses {string.Join(", ", wrong)}");
        }
    }

    [Fact]
    public void Cards_are_a_model_that_uses_no_other_folder()
    {
        Assert.Empty(FolderDependencies()["Cards"]);
    }

    [Fact]
    public void Only_the_program_uses_the_host()
    {
        var users = FolderDependencies().Where(folder => folder.Key != Program && folder.Value.Contains("Hosting")).Select(folder => folder.Key);

        Assert.Empty(users);
    }

    [Fact]
    public void No_feature_checks_linking_by_hand()
    {
        // Routes declare that they need a linked user and the router answers the unlinked: a feature
        // that asks for the link itself, or throws to be answered with the link card, goes around that.
        var features = Path.Combine(Source, "Features");
        var offenders = Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => ChecksLinkingByHand().Matches(Code(File.ReadAllText(file))).Select(use => $"{Path.GetRelativePath(Source, file)}: {use.Value}"))
            .ToList();

        Assert.True(Directory.Exists(features));
        Assert.Empty(offenders);
    }

    [Fact]
    public void A_cycle_is_found_when_there_is_one()
    {
        var uses = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        Assert.Equal(["A", "B", "C"], Assert.Single(Cycles(uses)).Order(StringComparer.Ordinal));
    }

    private const string Program = "(Program.cs)";

    /// <summary>
    /// Which folder uses which: a folder uses another when one of its files names a type declared at the
    /// top of a file there, or imports its namespace. Each feature under Features/ counts as a folder of
    /// its own; deeper folders count with the folder above them.
    /// </summary>
    private static Dictionary<string, HashSet<string>> FolderDependencies()
    {
        var files = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Source, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(file => !file.StartsWith("bin/", StringComparison.Ordinal) && !file.StartsWith("obj/", StringComparison.Ordinal))
            .ToDictionary(file => file, file => Code(File.ReadAllText(Path.Combine(Source, file))));

        var declaredIn = files
            .SelectMany(file => TopLevelType().Matches(file.Value).Select(type => (Type: type.Groups[1].Value, Folder: FolderOf(file.Key))))
            .GroupBy(declared => declared.Type)
            .Where(type => type.Select(declared => declared.Folder).Distinct().Count() == 1)
            .ToDictionary(type => type.Key, type => type.First().Folder);
        var namespaces = files.Keys.Select(FolderOf).Distinct()
            .ToDictionary(folder => "IntegrifyBot." + folder.Replace('/', '.'), folder => folder);

        var uses = files.Keys.Select(FolderOf).Distinct().ToDictionary(folder => folder, _ => new HashSet<string>());
        foreach (var (file, code) in files)
        {
            var folder = FolderOf(file);
            var named = Identifier().Matches(code).Select(word => declaredIn.GetValueOrDefault(word.Value));
            var imported = Import().Matches(code).Select(import => FolderOfNamespace(namespaces, import.Groups[1].Value));
            uses[folder].UnionWith(named.Concat(imported).OfType<string>().Where(used => used != folder));
        }

        return uses;
    }

    /// <summary>The folder of a namespace of the bot, or of the nearest one above it; null outside the bot.</summary>
    private static string? FolderOfNamespace(Dictionary<string, string> namespaces, string name)
    {
        for (var candidate = name; candidate.Contains('.', StringComparison.Ordinal); candidate = candidate[..candidate.LastIndexOf('.')])
        {
            if (namespaces.TryGetValue(candidate, out var folder))
            {
                return folder;
            }
        }

        return null;
    }

    private static string FolderOf(string file)
    {
        var parts = file.Split('/');
        return parts switch
        {
            ["Features", _] => "Features",
            ["Features", var feature, ..] => $"Features/{feature}",
            [var top, _, ..] => top,
            _ => Program,
        };
    }

    /// <summary>The source without comments and string literals, whose words are not uses.</summary>
    private static string Code(string source) => NotCode().Replace(source, " ");

    /// <summary>Every group of folders that use each other in a circle (Tarjan's strongly connected components).</summary>
    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> uses)
    {
        var index = new Dictionary<string, int>();
        var lowest = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();

        void Visit(string folder)
        {
            index[folder] = lowest[folder] = index.Count;
            stack.Push(folder);
            foreach (var used in uses.GetValueOrDefault(folder, []))
            {
                if (!index.TryGetValue(used, out var usedIndex))
                {
                    Visit(used);
                    lowest[folder] = Math.Min(lowest[folder], lowest[used]);
                }
                else if (stack.Contains(used))
                {
                    lowest[folder] = Math.Min(lowest[folder], usedIndex);
                }
            }

            if (lowest[folder] == index[folder])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != folder);

                if (component.Count > 1)
                {
                    cycles.Add(component);
                }
            }
        }

        foreach (var folder in uses.Keys.Where(folder => !index.ContainsKey(folder)).ToList())
        {
            Visit(folder);
        }

        return cycles;
    }

    [GeneratedRegex(@"^(?:public |internal |file )?(?:static |sealed |abstract |partial |readonly )*(?:class|record struct|record|struct|interface|enum) +([A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"\b[A-Z]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^using (IntegrifyBot(?:\.\w+)+);", RegexOptions.Multiline)]
    private static partial Regex Import();

    [GeneratedRegex(@"\bRequireAsync\b|\bIntegrifyNotLinkedException\b")]
    private static partial Regex ChecksLinkingByHand();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@?\$?""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex NotCode();
}
