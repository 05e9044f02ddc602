using IntegrifyBot.Integrify.Errors;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// The innermost check before a request leaves: it goes to the configured Integrify instance and
/// nowhere else, whatever a path or a caller tried.
/// </summary>
internal sealed class IntegrifyHostGuard(IOptions<IntegrifyOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var allowed = options.Value.BaseUrl!;
        var target = request.RequestUri;
        if (target is null
            || !target.IsAbsoluteUri
            || !string.Equals(target.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(target.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
            || target.Port != allowed.Port)
        {
            throw new IntegrifyException("The bot talks only to its configured Integrify instance.");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
