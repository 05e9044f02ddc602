namespace IntegrifyBot.Hosting;

/// <summary>
/// The log levels of the "Logging" section (Logging:LogLevel:Default, Logging:Console:LogLevel:…),
/// read as ASP.NET Core reads them while the host is built: a level it does not know stops the
/// process there with a stack trace, before the bot could say which key is wrong.
/// </summary>
internal static class LogLevelSettings
{
    private const string Logging = "Logging";
    private const string LogLevelKey = "LogLevel";

    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // As LoggerFilterConfigureOptions walks them: Logging:LogLevel, and each provider's LogLevel.
        var logging = configuration.GetSection(Logging);
        var levels = logging.GetChildren()
            .Select(child => child.Key.Equals(LogLevelKey, StringComparison.OrdinalIgnoreCase) ? child : child.GetSection(LogLevelKey));
        foreach (var section in levels)
        {
            foreach (var (category, value) in section.AsEnumerable(makePathsRelative: true))
            {
                if (!string.IsNullOrEmpty(value) && !Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
                {
                    yield return $"{section.Path}:{category} must be {ExpectedValue.Of(typeof(LogLevel), range: null)}.";
                }
            }
        }
    }
}
