namespace IntegrifyBot.FunctionalTests.Deployment;

/// <summary>One run of the Bicep compiler: its exit code and what it printed.</summary>
internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// The compiler's diagnostics, one a line on standard error, such as
    /// `main.bicep(12,3) : Warning no-unused-params: ...` or `... : Error BCP057: ...`.
    /// </summary>
    public IReadOnlyList<string> Diagnostics =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal))
            .ToList();

    public override string ToString() =>
        $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
