using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.UnitTests.Hosting;

/// <summary>
/// The Bot Framework SDK is archived; everything that touches it stays in src/IntegrifyBot/Teams so
/// that moving to its successor means rewriting that folder only.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Only_the_Teams_edge_uses_the_Bot_Framework_SDK()
    {
        var source = Path.Combine(Repository.Root, "src", "IntegrifyBot");
        var teams = Path.Combine(source, "Teams") + Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(teams, StringComparison.Ordinal) && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("Microsoft.Bot.", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(source, file))
            .ToList();

        Assert.True(Directory.Exists(teams));
        Assert.Empty(offenders);
    }
}
