using System.Net;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

public sealed class ApprovalTests
{
    private const string Laptop = "Laptop for new hire – Jordan";

    [Fact]
    public async Task Approval_details_list_the_choices_and_which_need_a_comment()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var approval = await alex.GetJsonAsync($"api/instance/tasktypes/approval/{await alex.TaskSidAsync(Laptop)}");
        var timeOff = await alex.GetJsonAsync($"api/instance/tasktypes/approval/{await alex.TaskSidAsync("Time off 12–16 Jan")}");

        Assert.Equal(["Approve", "Reject", "Request changes"], approval.GetProperty("choices").EnumerateArray().Select(choice => choice.Text("value")));
        Assert.All(approval.GetProperty("choices").EnumerateArray(), choice => Assert.Equal(["label", "value"], Wire.Names(choice)));
        Assert.Equal(["Reject", "Request changes"], approval.GetProperty("commentRequiredFor").EnumerateArray().Select(value => value.GetString()));
        Assert.False(approval.GetProperty("completed").GetBoolean());
        Assert.Null(approval.Date("completedDate"));
        Assert.False(string.IsNullOrWhiteSpace(approval.Text("instructions")));
        Assert.Equal(["Approve", "Deny"], timeOff.GetProperty("choices").EnumerateArray().Select(choice => choice.Text("value")));
        Assert.Equal(["Deny"], timeOff.GetProperty("commentRequiredFor").EnumerateArray().Select(value => value.GetString()));
    }

    [Fact]
    public async Task Approving_moves_the_request_to_the_next_steps_assignee()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var patti = await sim.SignInAsync("pattif");
        var sid = await alex.TaskSidAsync(Laptop);

        using var response = await alex.ApproveAsync(sid, "Approve", "Fine by me.");
        var result = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);

        var next = Assert.Single(result.GetProperty("nextTasks").EnumerateArray());
        Assert.Equal("Finance approval", next.Text("taskName"));
        Assert.False(next.GetProperty("assignedToMe").GetBoolean());
        Assert.Equal("Started", result.Text("requestStatus"));
        Assert.Contains(await patti.TasksAsync(), task => task.Text("recipientTaskSid") == next.Text("recipientTaskSid"));
        var after = await alex.GetJsonAsync($"api/instance/tasktypes/approval/{sid}");
        Assert.True(after.GetProperty("completed").GetBoolean());
        Assert.Equal("Alex Wilber", after.Text("completedBy"));
        Assert.Equal(TestSimulator.Epoch, after.Date("completedDate"));
        Assert.Equal("Approve", after.Text("outcome"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Rejecting_without_a_comment_is_refused(string? comment)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.ApproveAsync(await alex.TaskSidAsync(Laptop), "Reject", comment);

        Assert.Equal("A comment is required to Reject: say why in Comments.", await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(12, (await alex.TasksAsync()).Count);
    }

    [Fact]
    public async Task Rejecting_with_a_comment_ends_the_request()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var adele = await sim.SignInAsync("adelev");
        var sid = await alex.TaskSidAsync(Laptop);
        var instanceSid = (await alex.GetJsonAsync($"api/instance/tasktypes/approval/{sid}")).Text("instanceSid");

        using var response = await alex.ApproveAsync(sid, "reject", "Jordan's start was postponed.");
        var result = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);
        var request = await adele.GetJsonAsync($"api/instance/{instanceSid}");
        var comments = await adele.GetJsonAsync($"api/instance/allcomments/{instanceSid}");

        Assert.Empty(result.GetProperty("nextTasks").EnumerateArray());
        Assert.Equal("Completed", result.Text("requestStatus"));
        Assert.Equal(("Completed", "Rejected", "Rejected"), (request.Text("status"), request.Text("lastMilestone"), request.Text("outcome")));
        Assert.Empty(request.GetProperty("openTasks").EnumerateArray());
        Assert.Contains(comments.EnumerateArray(), comment => comment.Text("comment") == "Jordan's start was postponed." && comment.Text("author") == "Alex Wilber");
    }

    [Fact]
    public async Task Request_changes_sends_the_request_back_to_the_requesters_form()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.ApproveAsync(await alex.TaskSidAsync(Laptop), "Request changes", "Which laptop model?");
        var result = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);

        var next = Assert.Single(result.GetProperty("nextTasks").EnumerateArray());
        Assert.Equal(("Complete purchase details", "Adele Vance"), (next.Text("taskName"), next.Text("assignedTo")));
        Assert.Equal("Started", result.Text("requestStatus"));
    }

    [Theory]
    [InlineData("""{"Approval":"Maybe"}""", "'Maybe' is not a choice")]
    [InlineData("""{"Comments":"no value"}""", "Approval is required")]
    [InlineData("", "Approval is required")]
    public async Task An_approval_needs_one_of_its_choices(string body, string description)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.PostAsync($"api/instance/tasktypes/approval/{await alex.TaskSidAsync(Laptop)}", body.Length == 0 ? null : body);

        Assert.StartsWith(description, await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_task_is_forbidden()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var patti = await sim.SignInAsync("pattif");
        var pattis = (await patti.TasksAsync()).First(task => task.Text("taskType") == "approval").Text("recipientTaskSid");

        using var approve = await alex.ApproveAsync(pattis, "Approve");
        using var details = await alex.GetAsync($"api/instance/tasktypes/approval/{pattis}");

        Assert.StartsWith("permission denied", await Wire.AssertErrorAsync(approve, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        await Wire.AssertErrorAsync(details, HttpStatusCode.Forbidden);
        Assert.Equal(5, (await patti.TasksAsync()).Count);
    }

    [Fact]
    public async Task A_task_that_is_not_an_approval_cannot_be_approved()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.ApproveAsync(await alex.TaskSidAsync("Conference travel – Seattle"), "Approve");

        Assert.Equal("'Attach receipts' is a form task; this call is for approval tasks.", await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Approving_twice_answers_conflict_with_who_completed_it_and_when()
    {
        await using var sim = await TestSimulator.StartAsync();
        var megan = await sim.SignInAsync("meganb");
        var sid = (await megan.TasksAsync()).First(task => task.Text("taskType") == "openUrl").Text("recipientTaskSid");
        var alex = await sim.SignInAsync("alexw");
        var approval = await alex.TaskSidAsync(Laptop);
        using var first = await alex.ApproveAsync(approval, "Approve");
        sim.Clock.Advance(TimeSpan.FromMinutes(5));

        using var second = await alex.ApproveAsync(approval, "Approve");
        var conflict = await Wire.ReadJsonAsync(second, HttpStatusCode.Conflict);
        using var meganFirst = await megan.PostAsync($"api/instance/tasktypes/openUrl/{sid}/complete");
        using var meganAgain = await megan.PostAsync($"api/instance/tasktypes/openUrl/{sid}/complete");
        var meganConflict = await Wire.ReadJsonAsync(meganAgain, HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(["completedBy", "completedDate", "description", "message", "status"], Wire.Names(conflict));
        Assert.Equal((409, "Conflict"), (conflict.GetProperty("status").GetInt32(), conflict.Text("message")));
        Assert.Equal("Already completed by Alex Wilber at 2026-01-07T14:00:00Z", conflict.Text("description"));
        Assert.Equal("Alex Wilber", conflict.Text("completedBy"));
        Assert.Equal("2026-01-07T14:00:00Z", conflict.Text("completedDate"));
        Assert.Equal("Already completed by Megan Bowen at 2026-01-07T14:05:00Z", meganConflict.Text("description"));
    }

    [Theory]
    [InlineData("4b8a4f55-1111-4222-8333-944444444444")]
    [InlineData("not-a-sid")]
    public async Task An_unknown_task_is_not_found(string sid)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var approve = await alex.ApproveAsync(sid, "Approve");
        using var details = await alex.GetAsync($"api/instance/tasktypes/approval/{sid}");

        await Wire.AssertErrorAsync(approve, HttpStatusCode.NotFound);
        await Wire.AssertErrorAsync(details, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fifty_parallel_approvals_of_one_task_give_one_success_and_forty_nine_conflicts()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var sid = await alex.TaskSidAsync(Laptop);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => alex.ApproveAsync(sid, "Approve")));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(49, responses.Count(response => response.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(50, sim.Host.Counters.CompletionAttempts(sid));
        Assert.Equal(1, sim.Host.Counters.Completions(sid));
        Assert.Single(await (await sim.SignInAsync("pattif")).TasksAsync(), task => task.Text("requestName") == Laptop);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
