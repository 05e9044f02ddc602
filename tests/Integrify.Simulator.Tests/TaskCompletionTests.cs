using System.Net;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

/// <summary>T4 to T8: openUrl and milestone tasks, reassigning, and comments.</summary>
public sealed class TaskCompletionTests
{
    [Fact]
    public async Task Completing_an_open_url_task_moves_the_request_on()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.PostAsync($"api/instance/tasktypes/openUrl/{await alex.TaskSidAsync("Power BI Pro licence – Alex")}/complete");
        var result = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);

        var next = Assert.Single(result.GetProperty("nextTasks").EnumerateArray());
        Assert.Equal(("Manager approval", "Patti Fernandez"), (next.Text("taskName"), next.Text("assignedTo")));
        Assert.Equal(11, (await alex.TasksAsync()).Count);
    }

    [Fact]
    public async Task Completing_the_last_milestone_completes_the_request()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var adele = await sim.SignInAsync("adelev");
        var sid = await alex.TaskSidAsync("Monitors for design team");

        using var response = await alex.PostAsync($"api/instance/tasktypes/milestone/{sid}/complete", "{}");
        var result = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);
        var request = await adele.GetJsonAsync($"api/instance/{result.Text("instanceSid")}");

        Assert.Empty(result.GetProperty("nextTasks").EnumerateArray());
        Assert.Equal(("Completed", "Ordered", "Ordered"), (request.Text("status"), request.Text("lastMilestone"), request.Text("outcome")));
        Assert.Equal(TestSimulator.Epoch, request.Date("lastMilestoneDate"));
    }

    [Fact]
    public async Task Completing_with_the_wrong_task_type_or_twice_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var openUrl = await alex.TaskSidAsync("Power BI Pro licence – Alex");

        using var milestoneOnOpenUrl = await alex.PostAsync($"api/instance/tasktypes/milestone/{openUrl}/complete", "{}");
        using var openUrlOnApproval = await alex.PostAsync($"api/instance/tasktypes/openUrl/{await alex.TaskSidAsync("Time off 3–7 Feb")}/complete");
        using var first = await alex.PostAsync($"api/instance/tasktypes/openUrl/{openUrl}/complete");
        using var second = await alex.PostAsync($"api/instance/tasktypes/openUrl/{openUrl}/complete");

        await Wire.AssertErrorAsync(milestoneOnOpenUrl, HttpStatusCode.BadRequest);
        await Wire.AssertErrorAsync(openUrlOnApproval, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Reassigning_hands_the_task_to_another_person()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var megan = await sim.SignInAsync("meganb");
        var sid = await alex.TaskSidAsync("Headset replacement – Isaiah");
        var meganSid = (await megan.GetJsonAsync("api/user/current")).Text("sid");

        using var reassigned = await alex.GetAsync($"api/instance/task/recipientTask/{sid}/reassign/{meganSid}");
        using var approveAfter = await alex.ApproveAsync(sid, "Approve");
        using var unknown = await megan.GetAsync($"api/instance/task/recipientTask/{sid}/reassign/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        Assert.Equal(11, (await alex.TasksAsync()).Count);
        Assert.Contains(await megan.TasksAsync(), task => task.Text("recipientTaskSid") == sid);
        await Wire.AssertErrorAsync(approveAfter, HttpStatusCode.Forbidden);
        await Wire.AssertErrorAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Comments_hold_approval_comments_and_new_ones_in_order()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var adele = await sim.SignInAsync("adelev");
        var sid = await alex.TaskSidAsync("Laptop for new hire – Jordan");
        var instanceSid = (await alex.GetJsonAsync($"api/instance/tasktypes/approval/{sid}")).Text("instanceSid");

        using var posted = await alex.PostAsync("api/instance/comments/post", new { instanceSid, comment = "Looking at it today." });
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        using var approved = await alex.ApproveAsync(sid, "Approve", "Approved, the budget allows it.");
        var comments = (await adele.GetJsonAsync($"api/instance/allcomments/{instanceSid}")).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.All(comments, comment => Assert.Equal(["author", "comment", "date"], Wire.Names(comment)));
        Assert.Equal(
            ["Jordan starts on Monday; IT has the image ready.", "Looking at it today.", "Approved, the budget allows it."],
            comments.Select(comment => comment.Text("comment")));
        Assert.Equal(TestSimulator.Epoch.AddMinutes(1), comments[^1].Date("date"));
        Assert.Equal("Alex Wilber", comments[^1].Text("author"));
    }

    [Fact]
    public async Task Comments_on_a_request_the_caller_has_no_part_in_are_forbidden()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var lynne = await sim.SignInAsync("lynner");
        var instanceSid = (await lynne.TasksAsync()).First(task => task.Text("requestName") == "Shared drive access – Finance").Text("instanceSid");

        using var read = await alex.GetAsync($"api/instance/allcomments/{instanceSid}");
        using var post = await alex.PostAsync("api/instance/comments/post", new { instanceSid, comment = "Hello?" });
        using var empty = await lynne.PostAsync("api/instance/comments/post", new { instanceSid, comment = " " });
        using var unknown = await lynne.GetAsync($"api/instance/allcomments/{Guid.NewGuid()}");

        await Wire.AssertErrorAsync(read, HttpStatusCode.Forbidden);
        await Wire.AssertErrorAsync(post, HttpStatusCode.Forbidden);
        await Wire.AssertErrorAsync(empty, HttpStatusCode.BadRequest);
        await Wire.AssertErrorAsync(unknown, HttpStatusCode.NotFound);
    }
}
