using System.Net;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

public sealed class RequestTests
{
    private const string PurchaseRequest = "3f6b1d2e-8c4a-4b7e-a1d2-0000000000a1";
    private const string TimeOff = "3f6b1d2e-8c4a-4b7e-a1d2-0000000000a2";
    private const string NewVendorSetup = "3f6b1d2e-8c4a-4b7e-a1d2-0000000000a5";
    private const string SoftwareRenewal = "3f6b1d2e-8c4a-4b7e-a1d2-0000000000a6";

    [Fact]
    public async Task Startable_processes_depend_on_who_asks()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var patti = await sim.SignInAsync("pattif");

        var alexCanStart = (await alex.GetJsonAsync("api/processes/search?permissionType=start")).EnumerateArray().ToList();
        var pattiCanStart = (await patti.GetJsonAsync("api/processes/search?permissionType=start")).EnumerateArray().ToList();
        var alexSees = (await alex.GetJsonAsync("api/processes/search")).EnumerateArray().ToList();
        var searched = (await alex.GetJsonAsync("api/processes/search?permissionType=start&search=time")).EnumerateArray().ToList();

        Assert.Equal(["Expense Report", "IT Access", "Purchase Request", "Software Renewal", "Time Off"], alexCanStart.Select(process => process.Text("name")));
        Assert.All(alexCanStart, process => Assert.Equal(["category", "description", "name", "sid"], Wire.Names(process)));
        Assert.Equal(6, pattiCanStart.Count);
        Assert.Equal(6, alexSees.Count);
        Assert.Equal("Time Off", Assert.Single(searched).Text("name"));
    }

    [Fact]
    public async Task Starting_a_purchase_request_gives_the_requester_its_form_and_keeps_the_fields()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.PostAsync(
            $"api/instance/start/{PurchaseRequest}?requestName={Uri.EscapeDataString("Docking station – Alex")}",
            """{"Item":"Docking station","Amount":129.5,"Urgent":true}""");
        var started = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);
        var request = await alex.GetJsonAsync($"api/instance/{started.Text("instanceSid")}");

        Assert.Equal(["instanceId", "instanceSid", "nextTasks"], Wire.Names(started));
        Assert.Equal(1032, started.GetProperty("instanceId").GetInt64());
        var next = Assert.Single(started.GetProperty("nextTasks").EnumerateArray());
        Assert.Equal(("Complete purchase details", true), (next.Text("taskName"), next.GetProperty("assignedToMe").GetBoolean()));
        Assert.Equal(("Docking station – Alex", "Purchase Request", "Started"), (request.Text("name"), request.Text("processName"), request.Text("status")));
        Assert.Equal(129.5m, request.GetProperty("fields").GetProperty("Amount").GetDecimal());
        Assert.True(request.GetProperty("fields").GetProperty("Urgent").GetBoolean());
        Assert.Equal(13, (await alex.TasksAsync()).Count);
    }

    [Fact]
    public async Task Starting_a_software_renewal_gives_the_requester_the_quote_to_approve_then_finance()
    {
        await using var sim = await TestSimulator.StartAsync();
        var adele = await sim.SignInAsync("adelev");
        var patti = await sim.SignInAsync("pattif");

        var started = await adele.PostJsonAsync($"api/instance/start/{SoftwareRenewal}?requestName=Figma%20renewal", new { Seats = 12 });
        var next = Assert.Single(started.GetProperty("nextTasks").EnumerateArray());
        var quote = await adele.GetJsonAsync($"api/instance/tasktypes/approval/{next.Text("recipientTaskSid")}");
        var approved = await adele.PostJsonAsync($"api/instance/tasktypes/approval/{next.Text("recipientTaskSid")}", new { Approval = "Approve" });

        Assert.Equal(("Confirm the renewal quote", true), (next.Text("taskName"), next.GetProperty("assignedToMe").GetBoolean()));
        Assert.Equal(["Approve", "Reject"], quote.GetProperty("choices").EnumerateArray().Select(choice => choice.Text("value")));
        Assert.Equal(["Reject"], quote.GetProperty("commentRequiredFor").EnumerateArray().Select(value => value.GetString()));
        var finance = Assert.Single(approved.GetProperty("nextTasks").EnumerateArray());
        Assert.Equal(("Finance approval", "Patti Fernandez"), (finance.Text("taskName"), finance.Text("assignedTo")));
        Assert.Contains(await patti.TasksAsync(), task => task.Text("requestName") == "Figma renewal");
    }

    [Fact]
    public async Task Starting_time_off_sends_it_to_the_requesters_manager()
    {
        await using var sim = await TestSimulator.StartAsync();
        var adele = await sim.SignInAsync("adelev");
        var alex = await sim.SignInAsync("alexw");

        var started = await adele.PostJsonAsync($"api/instance/start/{TimeOff}?requestName=Time%20off%209%E2%80%9313%20Mar", new { From = "2026-03-09", To = "2026-03-13" });

        var next = Assert.Single(started.GetProperty("nextTasks").EnumerateArray());
        Assert.False(next.GetProperty("assignedToMe").GetBoolean());
        Assert.Equal("Alex Wilber", next.Text("assignedTo"));
        Assert.Contains(await alex.TasksAsync(), task => task.Text("requestName") == "Time off 9–13 Mar");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?requestName=")]
    [InlineData("?requestName=%20%20")]
    public async Task Starting_needs_a_request_name(string query)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.PostAsync($"api/instance/start/{PurchaseRequest}{query}", "{}");

        Assert.StartsWith("requestName is required", await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_a_process_the_caller_may_not_start_is_forbidden_and_an_unknown_one_not_found()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var forbidden = await alex.PostAsync($"api/instance/start/{NewVendorSetup}?requestName=Vendor", "{}");
        using var unknown = await alex.PostAsync($"api/instance/start/{Guid.NewGuid()}?requestName=Anything", "{}");

        await Wire.AssertErrorAsync(forbidden, HttpStatusCode.Forbidden);
        await Wire.AssertErrorAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Request_details_show_the_open_tasks_and_who_holds_them()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var lynne = await sim.SignInAsync("lynner");
        var github = (await alex.GetJsonAsync("api/instance/list/requester?search=GitHub")).GetProperty("items")[0];

        var request = await alex.GetJsonAsync($"api/instance/{github.Text("sid")}");
        using var stranger = await lynne.GetAsync($"api/instance/{github.Text("sid")}");

        Assert.Equal(1031, request.GetProperty("id").GetInt64());
        Assert.Equal(("Manager approved", "Started"), (request.Text("lastMilestone"), request.Text("status")));
        var open = Assert.Single(request.GetProperty("openTasks").EnumerateArray());
        Assert.Equal(("Security review", "Isaiah Langer", "approval"), (open.Text("taskName"), open.Text("assignedTo"), open.Text("taskType")));
        Assert.NotNull(open.Date("dueDate"));
        await Wire.AssertErrorAsync(stranger, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task My_requests_are_newest_first_paged_and_searchable()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var all = await alex.GetJsonAsync("api/instance/list/requester?count=100");
        var pages = new[] { await alex.GetJsonAsync("api/instance/list/requester?count=3"), await alex.GetJsonAsync("api/instance/list/requester?count=3&start=3"), await alex.GetJsonAsync("api/instance/list/requester?count=3&start=6") };
        var byId = (await alex.GetJsonAsync("api/instance/list/requester?sort=id&dir=asc")).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()).ToList();
        var timeOff = await alex.GetJsonAsync("api/instance/list/requester?search=time%20off");
        var byNumber = await alex.GetJsonAsync("api/instance/list/requester?search=%231029");

        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(7, all.GetProperty("total").GetInt32());
        Assert.All(items, item => Assert.Equal(
            ["completedDate", "createdDate", "id", "lastMilestone", "lastMilestoneDate", "name", "outcome", "processName", "sid", "status"], Wire.Names(item)));
        var created = items.Select(item => item.Date("createdDate")!.Value).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.Equal([3, 3, 1], pages.Select(page => page.GetProperty("items").GetArrayLength()));
        Assert.Equal(byId.Order(), byId);
        Assert.Equal("Time off 23–27 Dec", Assert.Single(timeOff.GetProperty("items").EnumerateArray()).Text("name"));
        var rejected = Assert.Single(byNumber.GetProperty("items").EnumerateArray());
        Assert.Equal(("Completed", "Rejected"), (rejected.Text("status"), rejected.Text("outcome")));
        Assert.Contains(items, item => item.Text("status") == "Canceled");
    }

    [Fact]
    public async Task Listing_requests_for_another_permission_type_is_a_bad_request()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.GetAsync("api/instance/list/approver");

        await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_requester_cancels_and_only_while_started()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var isaiah = await sim.SignInAsync("isaiahl");
        var mine = (await alex.GetJsonAsync("api/instance/list/requester?count=100")).GetProperty("items").EnumerateArray().ToList();
        var github = mine.Single(item => item.Text("name") == "GitHub Enterprise seat – Alex").Text("sid");
        var completed = mine.Single(item => item.Text("name") == "Time off 23–27 Dec").Text("sid");
        var someoneElses = (await alex.TasksAsync()).First(task => task.Text("requestName") == "VPN access – Isaiah").Text("instanceSid");

        using var notMine = await alex.GetAsync($"api/instance/{someoneElses}/cancel");
        using var canceled = await alex.GetAsync($"api/instance/{github}/cancel");
        using var again = await alex.GetAsync($"api/instance/{github}/cancel");
        using var alreadyDone = await alex.GetAsync($"api/instance/{completed}/cancel");
        var request = await alex.GetJsonAsync($"api/instance/{github}");

        await Wire.AssertErrorAsync(notMine, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        Assert.Equal("Request #1031 is already Canceled.", await Wire.AssertErrorAsync(again, HttpStatusCode.Conflict));
        await Wire.AssertErrorAsync(alreadyDone, HttpStatusCode.Conflict);
        Assert.Equal(("Canceled", "Canceled"), (request.Text("status"), request.Text("lastMilestone")));
        Assert.Empty(request.GetProperty("openTasks").EnumerateArray());
        Assert.DoesNotContain(await isaiah.TasksAsync(), task => task.Text("instanceSid") == github);
    }

    [Fact]
    public async Task A_task_of_a_canceled_request_can_no_longer_be_completed()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var isaiah = await sim.SignInAsync("isaiahl");
        var review = (await isaiah.TasksAsync()).Single(task => task.Text("requestName") == "GitHub Enterprise seat – Alex");

        using var canceled = await alex.GetAsync($"api/instance/{review.Text("instanceSid")}/cancel");
        using var approve = await isaiah.ApproveAsync(review.Text("recipientTaskSid"), "Approve");

        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        Assert.Contains("Canceled", await Wire.AssertErrorAsync(approve, HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purchase_request_runs_through_every_step_to_completion()
    {
        await using var sim = await TestSimulator.StartAsync();
        var adele = await sim.SignInAsync("adelev");
        var alex = await sim.SignInAsync("alexw");
        var patti = await sim.SignInAsync("pattif");
        var started = await adele.PostJsonAsync($"api/instance/start/{PurchaseRequest}?requestName=Tablet%20for%20sketching", new { Item = "Tablet", Amount = 899 });
        var instanceSid = started.Text("instanceSid");

        sim.Host.Control.CompleteTask(started.GetProperty("nextTasks")[0].Text("recipientTaskSid"));
        using var managerStep = await alex.ApproveAsync(await alex.TaskSidAsync("Tablet for sketching"), "Approve");
        using var financeStep = await patti.ApproveAsync(await patti.TaskSidAsync("Tablet for sketching"), "Approve", "Within budget.");
        var ordering = await Wire.ReadJsonAsync(financeStep, HttpStatusCode.OK);
        using var ordered = await alex.PostAsync($"api/instance/tasktypes/milestone/{ordering.GetProperty("nextTasks")[0].Text("recipientTaskSid")}/complete", "{}");
        var request = await adele.GetJsonAsync($"api/instance/{instanceSid}");
        var listed = (await adele.GetJsonAsync("api/instance/list/requester?search=tablet")).GetProperty("items")[0];

        Assert.Equal(HttpStatusCode.OK, managerStep.StatusCode);
        Assert.Equal(("Mark as ordered", "Alex Wilber"), (ordering.GetProperty("nextTasks")[0].Text("taskName"), ordering.GetProperty("nextTasks")[0].Text("assignedTo")));
        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        Assert.Equal(("Completed", "Ordered", "Ordered"), (request.Text("status"), request.Text("lastMilestone"), request.Text("outcome")));
        Assert.Equal(("Completed", "Ordered"), (listed.Text("status"), listed.Text("outcome")));
    }
}
