using System.Net;
using System.Text;
using System.Text.Json;
using Integrify.Simulator.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Integrify.Simulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Password_sign_in_returns_a_signed_jwt_with_the_contract_claims_and_a_refresh_token()
    {
        await using var sim = await TestSimulator.StartAsync();

        var pair = await sim.LoginAsync("alexw");

        Assert.Equal(["refreshtoken", "token"], Wire.Names(pair));
        Assert.True(pair.Text("refreshtoken").Length >= 40);
        var token = pair.Text("token");
        var claims = Jwt.Payload(token);
        Assert.Equal("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000001", claims.Text("contactSid"));
        Assert.Equal("alexw", claims.Text("userName"));
        Assert.Equal("demo", claims.Text("tenant"));
        Assert.Equal("demo", claims.Text("aud"));
        Assert.Equal("alexw@example.com", claims.Text("email"));
        Assert.Equal("Alex Wilber", claims.Text("name"));
        Assert.Equal(TestSimulator.Epoch.ToUnixTimeSeconds(), claims.GetProperty("iat").GetInt64());
        Assert.Equal(600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestSimulator.SigningKey)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidAudience = "demo",
            ValidateIssuer = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task Email_address_signs_in_as_well_as_the_user_name()
    {
        await using var sim = await TestSimulator.StartAsync();

        var pair = await sim.LoginAsync("MeganB@example.com");

        Assert.Equal("meganb", Jwt.Payload(pair.Text("token")).Text("userName"));
    }

    [Theory]
    [InlineData("demo", "alexw", "wrong")]
    [InlineData("demo", "nobody", "Passw0rd!")]
    [InlineData("acme", "alexw", "Passw0rd!")]
    public async Task Wrong_password_user_or_tenant_is_refused_with_401(string tenant, string userName, string password)
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Post, $"api/auth/dbauth/{tenant}", null, new { username = userName, password });

        Assert.Equal("Wrong tenant, user name or password.", await Wire.AssertErrorAsync(response, HttpStatusCode.Unauthorized));
        Assert.Equal(1, sim.Host.Counters.Calls("A1", "401"));
    }

    [Fact]
    public async Task Sign_in_without_credentials_is_a_bad_request()
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Post, "api/auth/dbauth/demo", null, new { username = "alexw" });

        await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Refresh_returns_a_new_pair_and_the_spent_refresh_token_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync();
        var first = await sim.LoginAsync("alexw");

        using var refreshed = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, $$"""{"refreshtoken":"{{first.Text("refreshtoken")}}"}""");
        var second = await Wire.ReadJsonAsync(refreshed, HttpStatusCode.OK);
        using var reused = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, $$"""{"refreshtoken":"{{first.Text("refreshtoken")}}"}""");

        Assert.Equal(["refreshtoken", "token"], Wire.Names(second));
        Assert.NotEqual(first.Text("refreshtoken"), second.Text("refreshtoken"));
        Assert.NotEqual(first.Text("token"), second.Text("token"));
        Assert.Contains("already used", await Wire.AssertErrorAsync(reused, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        await sim.As(second.Text("token")).GetJsonAsync("api/user/current");
        Assert.Equal(2, sim.Host.Counters.CallsBy("alexw", "A2"));
    }

    [Fact]
    public async Task Concurrent_refreshes_with_one_token_give_exactly_one_new_pair()
    {
        await using var sim = await TestSimulator.StartAsync();
        var body = $$"""{"refreshtoken":"{{(await sim.LoginAsync("alexw")).Text("refreshtoken")}}"}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, body)));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, responses.Count(response => response.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(20, sim.Host.Counters.CallsBy("alexw", "A2"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Refresh_token_stops_working_after_its_lifetime()
    {
        await using var sim = await TestSimulator.StartAsync();
        var body = $$"""{"refreshtoken":"{{(await sim.LoginAsync("alexw")).Text("refreshtoken")}}"}""";

        sim.Clock.Advance(TimeSpan.FromHours(24));
        using var response = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, body);

        Assert.Contains("expired", await Wire.AssertErrorAsync(response, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_refresh_token_is_refused_and_a_missing_one_is_a_bad_request()
    {
        await using var sim = await TestSimulator.StartAsync();

        using var unknown = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, new { refreshtoken = "made-up" });
        using var missing = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, "{}");

        await Wire.AssertErrorAsync(unknown, HttpStatusCode.Unauthorized);
        await Wire.AssertErrorAsync(missing, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Jwt_expires_when_the_clock_passes_its_lifetime()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        sim.Clock.Advance(TimeSpan.FromSeconds(599));
        await alex.GetJsonAsync("api/user/current");
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await alex.GetAsync("api/user/current");

        Assert.Equal("The token has expired.", await Wire.AssertErrorAsync(expired, HttpStatusCode.Unauthorized));
        Assert.Equal("Bearer", expired.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Configured_jwt_lifetime_of_seconds_is_honoured()
    {
        await using var sim = await TestSimulator.StartAsync(options => options.JwtLifetime = TimeSpan.FromSeconds(2));
        var alex = await sim.SignInAsync("alexw");
        var claims = Jwt.Payload(alex.Token);

        sim.Clock.Advance(TimeSpan.FromSeconds(2));
        using var expired = await alex.GetAsync("api/user/current");

        Assert.Equal(2, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        await Wire.AssertErrorAsync(expired, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Personal_api_key_gives_only_a_token_with_the_asked_lifetime()
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Get, "api/auth/apikey/demo/demo-key-adelev/impersonate?jwtExpiresIn=120", null);
        var answer = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(["token"], Wire.Names(answer));
        var claims = Jwt.Payload(answer.Text("token"));
        Assert.Equal("adelev", claims.Text("userName"));
        Assert.Equal(120, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        sim.Clock.Advance(TimeSpan.FromSeconds(120));
        using var expired = await sim.As(answer.Text("token")).GetAsync("api/user/current");
        await Wire.AssertErrorAsync(expired, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("59")]
    [InlineData("86401")]
    [InlineData("soon")]
    [InlineData("-5")]
    public async Task Impersonation_lifetime_outside_its_bounds_is_a_bad_request(string seconds)
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Get, $"api/auth/apikey/demo/demo-key-alexw/impersonate?jwtExpiresIn={seconds}", null);

        Assert.Contains("jwtExpiresIn", await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/auth/apikey/demo/demo-key-nobody/impersonate")]
    [InlineData("api/auth/apikey/demo/demo-org-key/impersonate")]
    [InlineData("api/auth/apikey/acme/demo-key-alexw/impersonate")]
    [InlineData("api/auth/apikey/demo/demo-key-alexw/impersonate/meganb")]
    public async Task Wrong_api_keys_are_refused(string path)
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Get, path, null);

        await Wire.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Organisation_key_impersonates_any_user()
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Get, "api/auth/apikey/demo/demo-org-key/impersonate/meganb?jwtExpiresIn=3600", null);
        var answer = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);
        var me = await sim.As(answer.Text("token")).GetJsonAsync("api/user/current");

        Assert.Equal(["token"], Wire.Names(answer));
        Assert.Equal("meganb", me.Text("userName"));
        Assert.Equal(1, sim.Host.Counters.CallsBy("meganb", "A4"));
    }

    [Fact]
    public async Task Organisation_key_for_an_unknown_user_is_not_found()
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Get, "api/auth/apikey/demo/demo-org-key/impersonate/nobody", null);

        await Wire.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Logout_ends_the_jwt_and_every_refresh_token_of_the_user()
    {
        await using var sim = await TestSimulator.StartAsync();
        var first = await sim.LoginAsync("alexw");
        var second = await sim.LoginAsync("alexw");
        var megan = await sim.SignInAsync("meganb");
        var alex = sim.As(first.Text("token"));

        using var logout = await alex.DeleteAsync("api/auth/dbauth/demo");
        using var afterLogout = await alex.GetAsync("api/user/current");
        using var refreshFirst = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, new { refreshtoken = first.Text("refreshtoken") });
        using var refreshSecond = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, new { refreshtoken = second.Text("refreshtoken") });

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        await Wire.AssertErrorAsync(afterLogout, HttpStatusCode.Unauthorized);
        await Wire.AssertErrorAsync(refreshFirst, HttpStatusCode.Unauthorized);
        await Wire.AssertErrorAsync(refreshSecond, HttpStatusCode.Unauthorized);
        await sim.As(second.Text("token")).GetJsonAsync("api/user/current");
        await megan.GetJsonAsync("api/user/current");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic YWxleHc6UGFzc3cwcmQh")]
    public async Task Calls_without_a_usable_token_are_refused_with_401(string? authorization)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/instance/mytask/list");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await sim.Http.SendAsync(request);

        await Wire.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_for_another_tenant_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync();
        var claims = JsonSerializer.Deserialize<Dictionary<string, object>>(Jwt.Payload((await sim.LoginAsync("alexw")).Text("token")).GetRawText())!;
        claims["aud"] = "acme";
        var forged = new JsonWebTokenHandler().CreateToken(
            JsonSerializer.Serialize(claims),
            new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestSimulator.SigningKey)), SecurityAlgorithms.HmacSha256));

        using var response = await sim.As(forged).GetAsync("api/user/current");

        Assert.Equal("The token was issued for another tenant.", await Wire.AssertErrorAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync();
        await using var other = await TestSimulator.StartAsync(options => options.SigningKey = "another-signing-key-that-is-long-enough-0123456789");

        using var response = await sim.As((await other.LoginAsync("alexw")).Text("token")).GetAsync("api/user/current");

        Assert.Equal("The token is not valid.", await Wire.AssertErrorAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Token_from_another_start_with_the_same_key_is_unknown()
    {
        await using var sim = await TestSimulator.StartAsync();
        await using var other = await TestSimulator.StartAsync();

        using var response = await sim.As((await other.LoginAsync("alexw")).Text("token")).GetAsync("api/user/current");

        Assert.Contains("unknown", await Wire.AssertErrorAsync(response, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Current_user_describes_the_caller()
    {
        await using var sim = await TestSimulator.StartAsync();
        var patti = await sim.SignInAsync("pattif");

        var me = await patti.GetJsonAsync("api/user/current");

        Assert.Equal(["email", "locale", "nameFirst", "nameLast", "sid", "timezone", "userName"], Wire.Names(me));
        Assert.Equal(("Patti", "Fernandez", "pattif@example.com"), (me.Text("nameFirst"), me.Text("nameLast"), me.Text("email")));
        Assert.Equal(("Europe/Madrid", "es-ES"), (me.Text("timezone"), me.Text("locale")));
    }
}
