namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>An Agents Toolkit environment file (env/.env.dev): NAME=value lines and # comments.</summary>
internal static class EnvironmentFile
{
    public static IReadOnlyDictionary<string, string> Read(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair.Length > 1 ? pair[1].Trim() : "", StringComparer.Ordinal);
}
