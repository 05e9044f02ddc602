using IntegrifyBot.Integrify.Api;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// Applies the deployment's overrides of the contract (Integrify:Paths, Integrify:Permissions) to the
/// call a request is. Refit's attributes fix each path when the bot is built; this is where a
/// different instance's path takes their place. It sits outside the host guard, which still checks
/// where the request finally goes.
/// </summary>
internal sealed class IntegrifyContractHandler(IOptions<IntegrifyOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } address && IntegrifyContract.Of(request) is { } call)
        {
            request.RequestUri = ContractAddress.For(call, address, options.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
