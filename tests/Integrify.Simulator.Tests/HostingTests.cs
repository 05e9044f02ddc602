using Integrify.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Integrify.Simulator.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task In_process_host_listens_on_loopback_and_exposes_its_options()
    {
        await using var sim = await TestSimulator.StartAsync();

        Assert.Equal("127.0.0.1", sim.Host.BaseAddress.Host);
        Assert.NotEqual(0, sim.Host.BaseAddress.Port);
        Assert.EndsWith("/", sim.Host.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("demo", sim.Host.Options.Tenant);
        Assert.Equal(TestSimulator.Epoch, sim.Host.Control.SeededAt);
    }

    [Fact]
    public async Task Another_tenant_id_changes_the_auth_paths_and_the_audience()
    {
        await using var sim = await TestSimulator.StartAsync(options => options.Tenant = "acme");

        using var demo = await sim.SendAsync(HttpMethod.Post, "api/auth/dbauth/demo", null, new { username = "alexw", password = TestSimulator.Password });
        using var acme = await sim.SendAsync(HttpMethod.Post, "api/auth/dbauth/acme", null, new { username = "alexw", password = TestSimulator.Password });

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, demo.StatusCode);
        var token = (await Wire.ReadJsonAsync(acme, System.Net.HttpStatusCode.OK)).Text("token");
        Assert.Equal("acme", Jwt.Payload(token).Text("aud"));
    }

    [Fact]
    public async Task Invalid_options_stop_the_start_with_every_reason()
    {
        var options = new SimulatorOptions { SigningKey = "short", JwtLifetime = TimeSpan.Zero, Tenant = "a b" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(options));

        Assert.Equal(3, error.Failures.Count());
    }

    [Fact]
    public async Task Without_a_signing_key_each_start_signs_with_its_own_random_key()
    {
        await using var one = await TestSimulator.StartAsync(options => options.SigningKey = null);
        await using var two = await TestSimulator.StartAsync(options => options.SigningKey = null);

        using var response = await one.As((await two.LoginAsync("alexw")).Text("token")).GetAsync("api/user/current");

        Assert.Equal("The token is not valid.", await Wire.AssertErrorAsync(response, System.Net.HttpStatusCode.Unauthorized));
    }
}
