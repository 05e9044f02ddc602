using Integrify.Simulator.Api;

namespace Integrify.Simulator.Auth;

/// <summary>Lets a call through only with a valid, unrevoked JWT of this tenant, and records who is calling.</summary>
internal sealed class BearerAuthFilter(TokenService tokens) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var check = await tokens.CheckAsync(context.HttpContext.Request.Headers.Authorization);
        if (check.User is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblem.Unauthorized(check.Problem!).ToResult();
        }

        context.HttpContext.SetCaller(new Caller(check.User, check.TokenId));
        return await next(context);
    }
}
