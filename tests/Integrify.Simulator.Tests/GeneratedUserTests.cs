using System.Net;
using Integrify.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Integrify.Simulator.Tests;

/// <summary>Simulator:GeneratedUsers: a large tenant whose extra people sign in, hold tasks and are kept apart like the demo's.</summary>
public sealed class GeneratedUserTests
{
    [Fact]
    public async Task Generated_people_sign_in_by_name_email_or_api_key_and_start_without_tasks()
    {
        await using var sim = await TestSimulator.StartAsync(options => options.GeneratedUsers = 2500);

        var last = await sim.SignInAsync("user02500");
        var byEmail = Jwt.Payload((await sim.LoginAsync("User00042@example.com")).Text("token"));
        using var byKey = await sim.SendAsync(HttpMethod.Get, "api/auth/apikey/demo/demo-key-user00007/impersonate", null);
        using var beyond = await sim.SendAsync(HttpMethod.Post, "api/auth/dbauth/demo", null, new { username = "user02501", password = TestSimulator.Password });

        var me = await last.GetJsonAsync("api/user/current");
        Assert.Equal(("user02500", "user02500@example.com", "Etc/UTC"), (me.Text("userName"), me.Text("email"), me.Text("timezone")));
        Assert.Empty(await last.TasksAsync());
        Assert.Equal("user00042", byEmail.Text("userName"));
        Assert.Equal("user00007", Jwt.Payload((await Wire.ReadJsonAsync(byKey, HttpStatusCode.OK)).Text("token")).Text("userName"));
        await Wire.AssertErrorAsync(beyond, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_task_given_to_a_generated_person_is_theirs_alone()
    {
        await using var sim = await TestSimulator.StartAsync(options => options.GeneratedUsers = 3);
        var first = await sim.SignInAsync("user00001");
        var second = await sim.SignInAsync("user00002");

        var assigned = sim.Host.Control.AssignTask(new TaskAssignment { UserName = "user00001", RequestName = "Laptop for User 00001" });

        var task = Assert.Single(await first.TasksAsync());
        Assert.Equal((assigned.RecipientTaskSid, "Laptop for User 00001"), (task.Text("recipientTaskSid"), task.Text("requestName")));
        Assert.Empty(await second.TasksAsync());
        using var approval = await second.GetAsync($"api/instance/tasktypes/approval/{assigned.RecipientTaskSid}");
        await Wire.AssertErrorAsync(approval, HttpStatusCode.Forbidden);
        using var approved = await first.ApproveAsync(assigned.RecipientTaskSid, "Approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Empty(await first.TasksAsync());
    }

    [Fact]
    public async Task Without_the_option_there_are_only_the_demo_people()
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Post, "api/auth/dbauth/demo", null, new { username = "user00001", password = TestSimulator.Password });

        await Wire.AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_000)]
    public async Task A_count_out_of_range_stops_the_start(int count)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(new SimulatorOptions { GeneratedUsers = count }));

        Assert.Contains("Simulator:GeneratedUsers must be from 0 to 99999.", error.Failures);
    }
}
