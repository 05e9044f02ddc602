using IntegrifyBot.Features.Linking;
using IntegrifyBot.Features.Reports;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify;
using IntegrifyBot.Notifications;
using IntegrifyBot.Settings;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Logging.Console;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Every setting the bot or its host reads, checked for values that cannot be read at all (an unknown
/// name where one of a few is expected, "abc" for a number, a duration or true/false, an address that
/// does not parse) before anything reads them: building the host reads Logging, the options are bound
/// when first used, Kestrel reads Urls last. Each problem is a sentence naming its key; values are
/// never repeated, since some settings are secrets. Rules about values that can be read (ranges,
/// what goes together) are the options' validators', checked at start as well.
/// </summary>
internal static class ConfigurationCheck
{
    /// <summary>
    /// Every options type bound from configuration, with its section ("" for top-level keys), and the
    /// console logger's, which ASP.NET Core binds while the host is built.
    /// </summary>
    public static IReadOnlyList<(string Section, Type Options)> BoundSections { get; } =
    [
        (string.Empty, typeof(BotIdentityOptions)),
        (BotOptions.Section, typeof(BotOptions)),
        (StorageOptions.Section, typeof(StorageOptions)),
        (IntegrifyOptions.Section, typeof(IntegrifyOptions)),
        (LinkingOptions.Section, typeof(LinkingOptions)),
        (NotificationsOptions.SectionName, typeof(NotificationsOptions)),
        (ReportsOptions.SectionName, typeof(ReportsOptions)),
        (TasksOptions.SectionName, typeof(TasksOptions)),
        ("Logging:Console", typeof(ConsoleLoggerOptions)),
        ("Logging:Console:FormatterOptions", typeof(JsonConsoleFormatterOptions)),
        ("Logging:Console:FormatterOptions", typeof(SimpleConsoleFormatterOptions)),
    ];

    /// <summary>One sentence per setting that cannot be read; empty when all can.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return
        [
            .. BoundSections.SelectMany(bound => BoundValues.Problems(SectionOf(configuration, bound.Section), bound.Options)).Distinct(StringComparer.Ordinal),
            .. LogLevelSettings.Problems(configuration),
            .. OtlpEndpoint.Problems(configuration),
            .. ListenAddresses.Problems(configuration),
        ];
    }

    private static IConfiguration SectionOf(IConfiguration configuration, string section) =>
        section.Length == 0 ? configuration : configuration.GetSection(section);
}
