using System.Net;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

public sealed class ErrorShapeTests
{
    [Theory]
    [InlineData("api/nothing/here")]
    [InlineData("favicon.ico")]
    public async Task Unknown_paths_answer_404_in_the_contract_shape(string path)
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Get, path, null);

        await Wire.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wrong_method_answers_405_in_the_contract_shape()
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Put, "api/instance/mytask/list", null);

        await Wire.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""["a list"]""")]
    public async Task Unreadable_bodies_are_a_bad_request_in_the_contract_shape(string body)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var login = await sim.SendAsync(HttpMethod.Post, "api/auth/dbauth/demo", null, body);
        using var approval = await alex.PostAsync($"api/instance/tasktypes/approval/{await alex.TaskSidAsync("Laptop for new hire – Jordan")}", body);

        await Wire.AssertErrorAsync(login, HttpStatusCode.BadRequest);
        await Wire.AssertErrorAsync(approval, HttpStatusCode.BadRequest);
        Assert.Equal(1, sim.Host.Counters.Calls("T3", "400"));
    }

    [Fact]
    public async Task Names_are_written_as_they_are_not_escaped()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.GetAsync("api/instance/mytask/list?search=laptop");

        Assert.Contains("Laptop for new hire – Jordan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
