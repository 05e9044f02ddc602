using System.Net;
using System.Net.Http.Headers;
using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// Puts the calling user's JWT on each request. The user comes with the request (its options),
/// never from shared state. On a 401 the token is renewed and the request sent once more: Integrify
/// rejected it before acting, so sending it again cannot do anything twice.
/// </summary>
internal sealed class IntegrifyAuthHandler(IntegrifyTokenProvider tokens) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<object?> UserOption = new(IntegrifyUser.RequestOption);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = request.Options.TryGetValue(UserOption, out var value) && value is IntegrifyUser given
            ? given
            : throw new InvalidOperationException("An Integrify call was made without saying which user it is for.");

        var token = await tokens.GetTokenAsync(user, rejectedJwt: null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        token = await tokens.GetTokenAsync(user, rejectedJwt: token, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
