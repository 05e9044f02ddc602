namespace IntegrifyBot.Hosting;

/// <summary>
/// "IntegrifyBot --healthcheck [url]" asks a running bot whether it is alive, for container health
/// checks in images that have no curl.
/// </summary>
public static class HealthProbe
{
    private const string Flag = "--healthcheck";
    private static readonly Uri DefaultUrl = new("http://127.0.0.1:8080/healthz");

    public static bool IsRequested(string[] args) => args is [Flag, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var url = args.Length > 1 && Uri.TryCreate(args[1], UriKind.Absolute, out var given) ? given : DefaultUrl;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
