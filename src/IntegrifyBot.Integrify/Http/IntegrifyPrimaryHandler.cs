namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// The socket handler under both Integrify clients. Refit's registration replaces the factory's
/// primary handler with its own, so the client sets the two properties it relies on itself instead
/// of trusting the host's defaults to reach it.
/// </summary>
internal static class IntegrifyPrimaryHandler
{
    /// <summary>The factory's own default: the handler lifetime, and as long for pooled connections.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public static HttpMessageHandler Create() => new SocketsHttpHandler
    {
        // A redirect is followed below every handler: it would take a request past the host guard.
        AllowAutoRedirect = false,

        // The factory renews handlers for clients it hands out; a client kept by a long-lived service
        // still gets fresh connections, so a changed DNS record for the instance is followed.
        PooledConnectionLifetime = Lifetime,
    };
}
