using System.Net;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

/// <summary>The demo's colleagues: new approvals for Alex after his first sign-in, then on a schedule, and one on demand.</summary>
public sealed class DemoTaskTests
{
    [Fact]
    public async Task Alex_gets_a_colleagues_request_to_approve_the_delay_after_his_first_sign_in()
    {
        await using var sim = await TestSimulator.StartAsync(DemoTasksOn);
        var alex = await sim.SignInAsync("alexw");
        var before = (await alex.TasksAsync()).Count;

        sim.Clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(before, (await alex.TasksAsync()).Count);

        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        var tasks = await alex.TasksAsync();
        Assert.Equal(before + 1, tasks.Count);
        var task = Assert.Single(tasks, item => item.Text("requestName") == "Ergonomic chair – Megan");
        Assert.Equal(("Manager approval", "approval", "Purchase Request"), (task.Text("taskName"), task.Text("taskType"), task.Text("processName")));
    }

    [Fact]
    public async Task Further_requests_come_every_interval_from_other_colleagues_and_a_second_sign_in_adds_none()
    {
        await using var sim = await TestSimulator.StartAsync(DemoTasksOn);
        var alex = await sim.SignInAsync("alexw");
        var before = (await alex.TasksAsync()).Count;

        sim.Clock.Advance(TimeSpan.FromSeconds(20));
        await sim.SignInAsync("alexw");
        sim.Clock.Advance(TimeSpan.FromMinutes(3));
        sim.Clock.Advance(TimeSpan.FromMinutes(3));

        var names = (await alex.TasksAsync()).Select(task => task.Text("requestName")).ToList();
        Assert.Equal(before + 3, names.Count);
        Assert.Contains("Ergonomic chair – Megan", names);
        Assert.Contains("Long weekend – Adele", names);
        Assert.Contains("Azure DevOps access – Isaiah", names);
    }

    [Fact]
    public async Task Nothing_is_assigned_unless_the_demo_tasks_are_on()
    {
        await using var sim = await TestSimulator.StartAsync();
        await sim.SignInAsync("alexw");
        var before = sim.Host.Control.OpenTasks("alexw").Count;

        sim.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(before, sim.Host.Control.OpenTasks("alexw").Count);
    }

    [Fact]
    public async Task Someone_else_signing_in_starts_nothing()
    {
        await using var sim = await TestSimulator.StartAsync(DemoTasksOn);
        await sim.SignInAsync("meganb");

        sim.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(12, sim.Host.Control.OpenTasks("alexw").Count);
    }

    [Fact]
    public async Task The_control_api_sends_the_next_request_at_once()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var first = await sim.SendAsync(HttpMethod.Post, "_sim/demo/tasks", null);
        using var second = await sim.SendAsync(HttpMethod.Post, "_sim/demo/tasks", null);

        var one = await Wire.ReadJsonAsync(first, HttpStatusCode.Created);
        var two = await Wire.ReadJsonAsync(second, HttpStatusCode.Created);
        Assert.Equal(("Ergonomic chair – Megan", "approval"), (one.Text("requestName"), one.Text("taskType")));
        Assert.Equal("Long weekend – Adele", two.Text("requestName"));
        var sids = (await alex.TasksAsync()).Select(task => task.Text("recipientTaskSid")).ToList();
        Assert.Contains(one.Text("recipientTaskSid"), sids);
        Assert.Contains(two.Text("recipientTaskSid"), sids);
    }

    [Fact]
    public async Task The_demo_control_endpoint_is_not_there_unless_the_control_api_is()
    {
        await using var sim = await TestSimulator.StartAsync(options =>
        {
            options.ControlApi = false;
            options.DemoTasks = true;
        });

        using var response = await sim.SendAsync(HttpMethod.Post, "_sim/demo/tasks", null);

        await Wire.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(-1, 180)]
    [InlineData(20, 0)]
    public async Task Demo_timings_out_of_range_are_refused(int delaySeconds, int intervalSeconds)
    {
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => SimulatorHost.StartAsync(new SimulatorOptions
        {
            DemoTaskDelay = TimeSpan.FromSeconds(delaySeconds),
            DemoTaskInterval = TimeSpan.FromSeconds(intervalSeconds),
        }));

        Assert.Contains("Simulator:DemoTask", refused.Message, StringComparison.Ordinal);
    }

    private static void DemoTasksOn(SimulatorOptions options) => options.DemoTasks = true;
}
