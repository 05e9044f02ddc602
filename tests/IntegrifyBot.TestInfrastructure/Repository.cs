namespace IntegrifyBot.TestInfrastructure;

public static class Repository
{
    /// <summary>The folder that holds IntegrifyBot.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IntegrifyBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from outside the repository: IntegrifyBot.sln not found.");
    }
}
