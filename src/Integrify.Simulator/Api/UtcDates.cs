using System.Globalization;

namespace Integrify.Simulator.Api;

/// <summary>Every date the simulator writes is ISO 8601 in UTC with a Z, to the second.</summary>
internal static class UtcDates
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);
}
