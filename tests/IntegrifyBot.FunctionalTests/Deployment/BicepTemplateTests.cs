using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>Every template under infra/ compiles with the real Bicep compiler, cleanly.</summary>
public sealed class BicepTemplateTests : IDisposable
{
    private readonly string workFolder = Path.Combine(Path.GetTempPath(), $"integrifybot-bicep-{Guid.NewGuid():N}");

    public static TheoryData<string> Templates() =>
        new(Directory.EnumerateFiles(Path.Combine(Repository.Root, "infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repository.Root, path))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Every_template_compiles_without_an_error_or_a_warning(string template)
    {
        var run = await BicepCompiler.BuildAsync(Path.Combine(Repository.Root, template), workFolder);

        Assert.True(run.ExitCode == 0, $"bicep build {template} failed: {run}");
        Assert.True(run.Diagnostics.Count == 0, $"bicep build {template} printed diagnostics:\n{string.Join('\n', run.Diagnostics)}");
        Assert.True(File.Exists(Path.Combine(workFolder, Path.ChangeExtension(Path.GetFileName(template), ".json"))), $"bicep build {template} wrote no ARM template: {run}");
    }

    [Fact]
    public async Task A_template_with_a_mistake_fails_to_compile_with_the_compiler_s_error()
    {
        var copy = Path.Combine(workFolder, "infra");
        CopyFolder(Path.Combine(Repository.Root, "infra"), copy);
        var main = Path.Combine(copy, "main.bicep");
        var text = await File.ReadAllTextAsync(main);
        const string Correct = "param maxReplicas int = 4";
        Assert.Contains(Correct, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(main, text.Replace(Correct, "param maxReplicas int = 'four'", StringComparison.Ordinal));

        var run = await BicepCompiler.BuildAsync(main, Path.Combine(workFolder, "out"));

        Assert.True(run.ExitCode != 0, $"bicep build accepted a string for an int parameter: {run}");
        Assert.Contains(run.Diagnostics, line => line.Contains(" : Error BCP", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(workFolder))
        {
            Directory.Delete(workFolder, recursive: true);
        }
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
