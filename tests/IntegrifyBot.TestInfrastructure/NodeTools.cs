namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The npm tools the tests use (Microsoft's Teams emulator, the Adaptive Cards renderer, the Teams
/// manifest schemas), installed by the test command into tests/tools/node_modules.
/// </summary>
public static class NodeTools
{
    public static string Folder { get; } = System.IO.Path.Combine(Repository.Root, "tests", "tools");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);

    /// <summary>Fails the test with the command to run when the tools are not installed.</summary>
    public static void EnsureInstalled()
    {
        Assert.True(
            Directory.Exists(Path("node_modules", "adaptivecards")) && Directory.Exists(Path("node_modules", "@microsoft", "m365agentsplayground")),
            "The test tools are not installed: run ./test.sh, or npm ci --prefix tests/tools.");
    }
}
