namespace IntegrifyBot.Hosting;

internal static class HttpClientDefaults
{
    /// <summary>
    /// No HTTP client of the bot follows a redirect. A redirect is followed below every handler, so it
    /// would carry a request past the checks that decide where the bot may send (only to the configured
    /// Integrify host; without an app id, replies only to this machine). Neither Teams' connector nor
    /// Integrify's API answers with one; a 3xx is then an answer like any other error.
    /// </summary>
    public static IServiceCollection AddHttpClientsThatNeverRedirect(this IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            switch (handler)
            {
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler classic:
                    classic.AllowAutoRedirect = false;
                    break;
            }
        }));
}
