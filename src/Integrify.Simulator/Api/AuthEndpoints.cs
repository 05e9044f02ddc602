using System.Globalization;
using Integrify.Simulator.Api.Contracts;
using Integrify.Simulator.Auth;
using Integrify.Simulator.Demo;

namespace Integrify.Simulator.Api;

/// <summary>A1 to A5: password sign-in, refresh, API-key impersonation and logout.</summary>
internal static class AuthEndpoints
{
    public const int MinImpersonationSeconds = 60;
    public const int MaxImpersonationSeconds = 86_400;

    private const string BadLogin = "Wrong tenant, user name or password.";

    public static void Map(IEndpointRouteBuilder api, RouteGroupBuilder authorized)
    {
        api.MapPost("/auth/dbauth/{tenant}", Login).WithName("A1");
        api.MapPost("/auth/refresh", Refresh).WithName("A2");
        api.MapGet("/auth/apikey/{tenant}/{personalKey}/impersonate", ImpersonateSelf).WithName("A3");
        api.MapGet("/auth/apikey/{tenant}/{key}/impersonate/{userName}", ImpersonateAnyone).WithName("A4");
        authorized.MapDelete("/auth/dbauth/{tenant}", Logout).WithName("A5");
    }

    private static IResult Login(string tenant, LoginBody? body, HttpContext context, SimulatorOptions options, UserDirectory users, TokenService tokens, RefreshTokenStore refresh)
    {
        if (string.IsNullOrWhiteSpace(body?.Username) || string.IsNullOrEmpty(body.Password))
        {
            return ApiProblem.BadRequest("username and password are required.").ToResult();
        }

        var user = users.FindByLogin(body.Username.Trim());
        if (!IsTenant(options, tenant) || user is null || !DemoUsers.IsPassword(body.Password))
        {
            return ApiProblem.Unauthorized(BadLogin).ToResult();
        }

        context.SetCaller(new Caller(user, null));
        return Results.Json(new TokenPairResponse(tokens.Issue(user, options.JwtLifetime), refresh.Issue(user)));
    }

    private static IResult Refresh(RefreshBody? body, HttpContext context, SimulatorOptions options, TokenService tokens, RefreshTokenStore refresh)
    {
        if (string.IsNullOrWhiteSpace(body?.RefreshToken))
        {
            return ApiProblem.BadRequest("refreshtoken is required.").ToResult();
        }

        var redemption = refresh.Redeem(body.RefreshToken.Trim());
        if (redemption.User is { } owner)
        {
            context.SetCaller(new Caller(owner, null));
        }

        if (!redemption.Accepted || redemption.User is null)
        {
            return ApiProblem.Unauthorized(redemption.Problem ?? "The refresh token is not valid.").ToResult();
        }

        return Results.Json(new TokenPairResponse(tokens.Issue(redemption.User, options.JwtLifetime), refresh.Issue(redemption.User)));
    }

    private static IResult ImpersonateSelf(string tenant, string personalKey, string? jwtExpiresIn, HttpContext context, SimulatorOptions options, UserDirectory users, TokenService tokens)
    {
        var user = users.FindByPersonalKey(personalKey);
        return IsTenant(options, tenant) && user is not null
            ? Impersonate(user, jwtExpiresIn, context, options, tokens)
            : ApiProblem.Unauthorized("Wrong tenant or API key.").ToResult();
    }

    private static IResult ImpersonateAnyone(string tenant, string key, string userName, string? jwtExpiresIn, HttpContext context, SimulatorOptions options, UserDirectory users, TokenService tokens)
    {
        if (!IsTenant(options, tenant) || !DemoUsers.IsOrganizationKey(key))
        {
            return ApiProblem.Unauthorized("Wrong tenant or organisation API key.").ToResult();
        }

        var user = users.Find(userName);
        return user is null
            ? ApiProblem.NotFound($"There is no user '{userName}'.").ToResult()
            : Impersonate(user, jwtExpiresIn, context, options, tokens);
    }

    private static IResult Impersonate(Workflow.UserAccount user, string? jwtExpiresIn, HttpContext context, SimulatorOptions options, TokenService tokens)
    {
        var lifetime = options.JwtLifetime;
        if (!string.IsNullOrWhiteSpace(jwtExpiresIn))
        {
            if (!int.TryParse(jwtExpiresIn, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || seconds is < MinImpersonationSeconds or > MaxImpersonationSeconds)
            {
                return ApiProblem.BadRequest($"jwtExpiresIn must be a number of seconds from {MinImpersonationSeconds} to {MaxImpersonationSeconds}.").ToResult();
            }

            lifetime = TimeSpan.FromSeconds(seconds);
        }

        context.SetCaller(new Caller(user, null));
        return Results.Json(new TokenResponse(tokens.Issue(user, lifetime)));
    }

    /// <summary>Logs out: this JWT and every refresh token of the user stop working.</summary>
    private static IResult Logout(string tenant, HttpContext context, SimulatorOptions options, TokenService tokens, RefreshTokenStore refresh)
    {
        if (!IsTenant(options, tenant))
        {
            return ApiProblem.Unauthorized("The token was issued for another tenant.").ToResult();
        }

        var caller = context.Caller();
        tokens.Revoke(caller.TokenId!);
        refresh.RevokeAll(caller.User.UserName);
        return Results.Ok();
    }

    private static bool IsTenant(SimulatorOptions options, string tenant) => string.Equals(options.Tenant, tenant, StringComparison.OrdinalIgnoreCase);
}
