using Microsoft.AspNetCore.Http;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Where the bot listens (Urls, or ASP.NET Core's HTTP_PORTS and HTTPS_PORTS when Urls is not set).
/// Kestrel reads them only once everything else has started, and one it cannot parse ends the
/// process with a stack trace.
/// </summary>
internal static class ListenAddresses
{
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            if (!Entries(urls).All(IsAddress))
            {
                yield return "Urls must be the addresses to listen on, such as http://0.0.0.0:8080 (several separated by ;).";
            }

            yield break;
        }

        foreach (var key in new[] { WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey })
        {
            if (configuration[key] is { } ports && !Entries(ports).All(IsPort))
            {
                yield return $"{key.ToUpperInvariant()} must be port numbers, such as 8080 (several separated by ;).";
            }
        }
    }

    private static string[] Entries(string list) => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsAddress(string address)
    {
        try
        {
            var parsed = BindingAddress.Parse(address);
            return (parsed.Scheme.Equals(Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) || parsed.Scheme.Equals(Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
                && parsed.Port is >= 0 and <= ushort.MaxValue;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsPort(string port) =>
        int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number <= ushort.MaxValue;
}
