using System.Diagnostics;
using System.Net;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

public sealed class ControlApiTests
{
    [Theory]
    [InlineData("POST", "_sim/reset")]
    [InlineData("GET", "_sim/counters")]
    [InlineData("POST", "_sim/tasks")]
    public async Task Control_api_is_not_there_unless_enabled(string method, string path)
    {
        await using var sim = await TestSimulator.StartAsync(options => options.ControlApi = false);

        using var response = await sim.SendAsync(new HttpMethod(method), path, null, "{}");

        await Wire.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assigning_a_task_adds_it_to_the_users_list()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await sim.SendAsync(HttpMethod.Post, "_sim/tasks", null, new { userName = "alexw", taskType = "approval", requestName = "New build server", noDueDate = true, priority = "High" });
        var assigned = await Wire.ReadJsonAsync(response, HttpStatusCode.Created);
        var task = (await alex.TasksAsync()).Single(item => item.Text("recipientTaskSid") == assigned.Text("recipientTaskSid"));
        var approval = await alex.GetJsonAsync($"api/instance/tasktypes/approval/{assigned.Text("recipientTaskSid")}");

        Assert.Equal(("Manager approval", "approval", "New build server"), (task.Text("taskName"), task.Text("taskType"), task.Text("requestName")));
        Assert.Null(task.Date("dueDate"));
        Assert.Equal("High", task.Text("priority"));
        Assert.Equal(3, approval.GetProperty("choices").GetArrayLength());
        Assert.Equal(13, (await alex.TasksAsync()).Count);
    }

    [Theory]
    [InlineData("""{"userName":"nobody"}""")]
    [InlineData("""{"userName":"alexw","taskType":"dataContainer"}""")]
    [InlineData("""{"userName":"alexw","taskType":"milestone","processName":"Time Off"}""")]
    [InlineData("""{"userName":"alexw","requesterUserName":"nobody"}""")]
    public async Task Assigning_with_unknown_names_is_a_bad_request(string body)
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Post, "_sim/tasks", null, body);

        await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Completing_a_form_through_the_control_api_moves_its_request_on()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var form = await alex.TaskSidAsync("Conference travel – Seattle");

        using var response = await sim.SendAsync(HttpMethod.Post, $"_sim/tasks/{form}/complete", null);
        var result = await Wire.ReadJsonAsync(response, HttpStatusCode.OK);
        using var again = await sim.SendAsync(HttpMethod.Post, $"_sim/tasks/{form}/complete", null);

        Assert.Equal("Patti Fernandez", result.GetProperty("nextTasks")[0].Text("assignedTo"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Changing_an_approvals_choices_changes_what_it_offers_and_accepts()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var sid = await alex.TaskSidAsync("Time off 12–16 Jan");

        using var change = await sim.SendAsync(HttpMethod.Put, $"_sim/tasks/{sid}/choices", null,
            new { choices = new object[] { new { value = "Approve", label = "Approve the days" }, new { value = "Escalate", label = "Escalate to HR", commentRequired = true } } });
        var changed = await Wire.ReadJsonAsync(change, HttpStatusCode.OK);
        var approval = await alex.GetJsonAsync($"api/instance/tasktypes/approval/{sid}");
        using var denied = await alex.ApproveAsync(sid, "Deny", "No cover that week.");
        using var escalated = await alex.ApproveAsync(sid, "Escalate", "HR should decide.");
        var open = await alex.TasksAsync();

        Assert.Equal(["Approve", "Escalate"], approval.GetProperty("choices").EnumerateArray().Select(choice => choice.Text("value")));
        Assert.Equal("Approve the days", approval.GetProperty("choices")[0].Text("label"));
        Assert.Equal(["Escalate"], approval.GetProperty("commentRequiredFor").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal(approval.GetProperty("choices").GetRawText(), changed.GetProperty("choices").GetRawText());
        Assert.Contains("use one of Approve, Escalate", await Wire.AssertErrorAsync(denied, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        Assert.DoesNotContain(open, task => task.Text("recipientTaskSid") == sid);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"choices":[]}""")]
    [InlineData("""{"choices":[null]}""")]
    [InlineData("""{"choices":[{"value":"Approve"}]}""")]
    [InlineData("""{"choices":[{"value":" ","label":"Blank"}]}""")]
    [InlineData("""{"choices":[{"value":"Approve","label":"Yes"},{"value":"approve","label":"Also yes"}]}""")]
    public async Task Choices_that_cannot_be_offered_are_a_bad_request_and_change_nothing(string body)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var sid = await alex.TaskSidAsync("Time off 12–16 Jan");

        using var response = await sim.SendAsync(HttpMethod.Put, $"_sim/tasks/{sid}/choices", null, body);
        var approval = await alex.GetJsonAsync($"api/instance/tasktypes/approval/{sid}");

        await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["Approve", "Deny"], approval.GetProperty("choices").EnumerateArray().Select(choice => choice.Text("value")));
    }

    [Fact]
    public async Task Only_an_open_approval_has_its_choices_changed()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var form = await alex.TaskSidAsync("Conference travel – Seattle");
        var body = new { choices = new[] { new { value = "Approve", label = "Approve" } } };

        using var wrongKind = await sim.SendAsync(HttpMethod.Put, $"_sim/tasks/{form}/choices", null, body);
        using var unknown = await sim.SendAsync(HttpMethod.Put, $"_sim/tasks/{Guid.NewGuid()}/choices", null, body);

        await Wire.AssertErrorAsync(wrongKind, HttpStatusCode.BadRequest);
        await Wire.AssertErrorAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_users_open_tasks_can_be_read_without_signing_in()
    {
        await using var sim = await TestSimulator.StartAsync();

        var tasks = await Wire.ReadJsonAsync(await sim.SendAsync(HttpMethod.Get, "_sim/users/alexw/tasks", null), HttpStatusCode.OK);
        using var unknown = await sim.SendAsync(HttpMethod.Get, "_sim/users/nobody/tasks", null);

        Assert.Equal(12, tasks.GetArrayLength());
        await Wire.AssertErrorAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Expiring_a_users_tokens_ends_their_jwts_and_refresh_tokens_only()
    {
        await using var sim = await TestSimulator.StartAsync();
        var first = await sim.LoginAsync("alexw");
        using var impersonated = await sim.SendAsync(HttpMethod.Get, "api/auth/apikey/demo/demo-key-alexw/impersonate", null);
        var second = (await Wire.ReadJsonAsync(impersonated, HttpStatusCode.OK)).Text("token");
        var megan = await sim.SignInAsync("meganb");

        using var expire = await sim.SendAsync(HttpMethod.Post, "_sim/users/alexw/expire-tokens", null);
        var revoked = await Wire.ReadJsonAsync(expire, HttpStatusCode.OK);
        using var jwt = await sim.As(first.Text("token")).GetAsync("api/user/current");
        using var apiKeyJwt = await sim.As(second).GetAsync("api/user/current");
        using var refresh = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, new { refreshtoken = first.Text("refreshtoken") });

        Assert.Equal(("alexw", 2, 1), (revoked.Text("userName"), revoked.GetProperty("tokens").GetInt32(), revoked.GetProperty("refreshTokens").GetInt32()));
        await Wire.AssertErrorAsync(jwt, HttpStatusCode.Unauthorized);
        await Wire.AssertErrorAsync(apiKeyJwt, HttpStatusCode.Unauthorized);
        await Wire.AssertErrorAsync(refresh, HttpStatusCode.Unauthorized);
        await megan.GetJsonAsync("api/user/current");
        await sim.SignInAsync("alexw");
    }

    [Fact]
    public async Task Server_error_fault_fails_calls_under_its_prefix_only_until_cleared()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var added = await sim.SendAsync(HttpMethod.Post, "_sim/faults", null, new { pathPrefix = "/api/instance/mytask", status = 503 });
        var rule = await Wire.ReadJsonAsync(added, HttpStatusCode.Created);
        using var failed = await alex.GetAsync("api/instance/mytask/list");
        using var other = await alex.GetAsync("api/user/current");
        using var cleared = await sim.SendAsync(HttpMethod.Delete, "_sim/faults", null);
        using var after = await alex.GetAsync("api/instance/mytask/list");

        Assert.Equal(["failed", "id", "matched", "spec"], Wire.Names(rule));
        Assert.Contains("Fault injected", await Wire.AssertErrorAsync(failed, HttpStatusCode.ServiceUnavailable), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(1, sim.Host.Counters.Calls("T1", "503"));
    }

    [Fact]
    public async Task Too_many_requests_fault_sends_retry_after()
    {
        await using var sim = await TestSimulator.StartAsync();
        sim.Host.Faults.Add(new FaultSpec { PathPrefix = "/api/auth/refresh", Status = 429, RetryAfterSeconds = 7 });

        using var response = await sim.SendAsync(HttpMethod.Post, "api/auth/refresh", null, new { refreshtoken = "x" });

        await Wire.AssertErrorAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Fault_acts_only_the_given_number_of_times()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        sim.Host.Faults.Add(new FaultSpec { PathPrefix = "/api/", Status = 500, Times = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 4; call++)
        {
            using var response = await alex.GetAsync("api/user/current");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(2, sim.Host.Faults.List().Single().Failed);
    }

    [Fact]
    public async Task Fault_rate_fails_an_even_share_of_two_hundred_concurrent_calls()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        sim.Host.Faults.Add(new FaultSpec { PathPrefix = "/API/instance", Status = 502, Rate = 0.25 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => alex.GetAsync("api/instance/mytask/list")));

        Assert.Equal(50, responses.Count(response => response.StatusCode == HttpStatusCode.BadGateway));
        Assert.Equal(150, responses.Count(response => response.StatusCode == HttpStatusCode.OK));
        Assert.Equal(200, sim.Host.Counters.Calls("T1"));
        Assert.Equal(50, sim.Host.Counters.Calls("T1", "502"));
        Assert.Equal(200, sim.Host.Counters.CallsBy("alexw", "T1") + 50);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Latency_fault_delays_the_answer()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        sim.Host.Faults.Add(new FaultSpec { PathPrefix = "/api/user", LatencyMs = 300 });

        var clock = Stopwatch.StartNew();
        using var response = await alex.GetAsync("api/user/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(clock.ElapsedMilliseconds, 290, 5_000);
    }

    [Fact]
    public async Task Drop_fault_aborts_the_connection()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        sim.Host.Faults.Add(new FaultSpec { PathPrefix = "/api/user/current", Drop = true, Times = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => alex.GetAsync("api/user/current"));
        using var next = await alex.GetAsync("api/user/current");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, sim.Host.Counters.Calls("U1", "dropped"));
    }

    [Theory]
    [InlineData("""{"pathPrefix":"/api/","status":404}""")]
    [InlineData("""{"pathPrefix":"/api/","status":503,"rate":1.5}""")]
    [InlineData("""{"pathPrefix":"api/","status":503}""")]
    [InlineData("""{"pathPrefix":"/api/"}""")]
    [InlineData("""{"pathPrefix":"/api/","drop":true,"status":503}""")]
    [InlineData("""{"pathPrefix":"/api/","latencyMs":600000}""")]
    public async Task Invalid_fault_rules_are_refused(string body)
    {
        await using var sim = await TestSimulator.StartAsync();

        using var response = await sim.SendAsync(HttpMethod.Post, "_sim/faults", null, body);

        await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(sim.Host.Faults.List());
    }

    [Fact]
    public async Task Faults_never_touch_the_control_api()
    {
        await using var sim = await TestSimulator.StartAsync();
        sim.Host.Faults.Add(new FaultSpec { PathPrefix = "/", Status = 503 });

        using var response = await sim.SendAsync(HttpMethod.Get, "_sim/faults", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Counters_count_routes_statuses_users_and_task_completions()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var sid = await alex.TaskSidAsync("Laptop for new hire – Jordan");
        using var approved = await alex.ApproveAsync(sid, "Approve");
        using var again = await alex.ApproveAsync(sid, "Approve");
        using var anonymous = await sim.SendAsync(HttpMethod.Get, "api/instance/mytask/list", null);

        var counters = await Wire.ReadJsonAsync(await sim.SendAsync(HttpMethod.Get, "_sim/counters", null), HttpStatusCode.OK);

        Assert.Equal(["routes", "tasks", "users"], Wire.Names(counters));
        var t1 = counters.GetProperty("routes").GetProperty("T1");
        Assert.Equal(2, t1.GetProperty("calls").GetInt64());
        Assert.Equal((1, 1), (t1.GetProperty("statuses").GetProperty("200").GetInt64(), t1.GetProperty("statuses").GetProperty("401").GetInt64()));
        var users = counters.GetProperty("users").GetProperty("alexw");
        Assert.Equal((1, 1, 2), (users.GetProperty("A1").GetInt64(), users.GetProperty("T1").GetInt64(), users.GetProperty("T3").GetInt64()));
        var task = counters.GetProperty("tasks").GetProperty(sid);
        Assert.Equal((2, 1), (task.GetProperty("attempts").GetInt64(), task.GetProperty("completions").GetInt64()));
    }

    [Fact]
    public async Task Reset_restores_the_demo_data_and_clears_faults_and_counters_but_keeps_sign_ins()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var before = (await alex.TasksAsync()).Select(task => task.Text("recipientTaskSid")).ToList();
        using var approved = await alex.ApproveAsync(before[0], "Approve");
        sim.Host.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = "openUrl" });
        sim.Host.Faults.Add(new FaultSpec { PathPrefix = "/api/reports", Status = 500 });
        sim.Clock.Advance(TimeSpan.FromMinutes(3));

        using var reset = await sim.SendAsync(HttpMethod.Post, "_sim/reset", null);
        var seeded = await Wire.ReadJsonAsync(reset, HttpStatusCode.OK);

        Assert.Equal(TestSimulator.Epoch.AddMinutes(3), seeded.Date("seededAt"));
        Assert.Equal(before, (await alex.TasksAsync()).Select(task => task.Text("recipientTaskSid")));
        Assert.Empty(sim.Host.Faults.List());
        Assert.Equal(0, sim.Host.Counters.Calls("T3"));
        Assert.Equal(1, sim.Host.Counters.Calls("T1"));
    }
}
