using System.Text;
using System.Text.Json;
using Integrify.Simulator;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>Every call of the Integrify client against the simulator, over real HTTP on loopback.</summary>
public sealed class IntegrifyClientTests : IAsyncLifetime
{
    private SimulatorHost simulator = null!;
    private IntegrifyClients client = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions { ControlApi = true });
        client = new IntegrifyClients(simulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task Signing_in_with_a_password_stores_a_refreshable_link_and_no_password()
    {
        var user = await client.SignInAsync("alexw");

        var stored = await client.Store.FindAsync(user, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(LinkMethod.Password, stored.Method);
        Assert.Equal("alexw", stored.UserName);
        Assert.False(string.IsNullOrEmpty(stored.RefreshToken));
        Assert.True(stored.JwtExpiresAt > DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.DoesNotContain(IntegrifyClients.Password, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        var me = await client.Users.GetCurrentUserAsync(user, CancellationToken.None);
        Assert.Equal("alexw", me.UserName);
        Assert.Equal("alexw@example.com", me.Email);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_integrifys_explanation_and_nothing_is_stored()
    {
        var user = new IntegrifyUser("tenant-1", "aad-someone");

        var refused = await Assert.ThrowsAsync<IntegrifyLinkExpiredException>(() => client.SignIn.WithPasswordAsync(user, "alexw", "wrong", CancellationToken.None));

        Assert.False(string.IsNullOrWhiteSpace(refused.Description ?? refused.Message));
        Assert.Null(await client.Store.FindAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task A_personal_api_key_links_the_user_it_belongs_to()
    {
        var user = new IntegrifyUser("tenant-1", "aad-megan");

        var credential = await client.SignIn.WithPersonalApiKeyAsync(user, "demo-key-meganb", CancellationToken.None);

        Assert.Equal(LinkMethod.PersonalApiKey, credential.Method);
        Assert.Equal("meganb", credential.UserName);
        Assert.Null(credential.RefreshToken);
        Assert.Equal("meganb", (await client.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
    }

    [Fact]
    public async Task The_organisation_key_links_any_user_without_their_password()
    {
        var user = new IntegrifyUser("tenant-1", "aad-adele");

        var credential = await client.SignIn.WithOrganizationKeyAsync(user, "adelev", CancellationToken.None);

        Assert.Equal(LinkMethod.OrganizationKey, credential.Method);
        Assert.Equal("adelev", (await client.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
    }

    [Fact]
    public async Task After_logging_out_the_token_no_longer_works_and_the_user_must_sign_in_again()
    {
        var user = await client.SignInAsync("alexw");

        await client.Users.LogoutAsync(user, "demo", CancellationToken.None);

        await Assert.ThrowsAsync<IntegrifyLinkExpiredException>(() => client.Users.GetCurrentUserAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task A_call_for_a_user_who_never_linked_says_so()
    {
        await Assert.ThrowsAsync<IntegrifyNotLinkedException>(() => client.Users.GetCurrentUserAsync(new IntegrifyUser("tenant-1", "aad-nobody"), CancellationToken.None));
    }

    [Fact]
    public async Task Alex_sees_his_twelve_open_tasks_paged_sorted_and_searchable()
    {
        var user = await client.SignInAsync("alexw");

        var first = await client.Tasks.ListMyTasksAsync(user, new ListQuery { Start = 0, Count = 10, Sort = "dueDate", Dir = "asc" }, CancellationToken.None);
        var second = await client.Tasks.ListMyTasksAsync(user, new ListQuery { Start = 10, Count = 10, Sort = "dueDate", Dir = "asc" }, CancellationToken.None);

        Assert.Equal(12, first.Total);
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(12, all.Select(task => task.RecipientTaskSid).Distinct().Count());
        var dated = all.Where(task => task.DueDate is not null).Select(task => task.DueDate!.Value).ToList();
        Assert.Equal(dated.Order(), dated);
        Assert.All(all, task => Assert.False(string.IsNullOrEmpty(task.TaskType)));

        var word = all[0].RequestName!.Split(' ')[0];
        var found = await client.Tasks.ListMyTasksAsync(user, new ListQuery { Search = word }, CancellationToken.None);
        Assert.InRange(found.Total, 1, 12);
    }

    [Fact]
    public async Task Approving_completes_the_task_once_and_a_second_completion_says_who_and_when()
    {
        var user = await client.SignInAsync("alexw");
        var (task, approval) = await FirstApprovalAsync(user);
        var choice = approval.Choices.First(choice => !approval.CommentRequiredFor.Contains(choice.Value));

        var result = await client.Tasks.CompleteApprovalAsync(user, task.RecipientTaskSid, new ApprovalDecision(choice.Value, "Looks good"), CancellationToken.None);

        Assert.Equal(task.InstanceSid, result.InstanceSid);
        var after = await client.Tasks.GetApprovalAsync(user, task.RecipientTaskSid, CancellationToken.None);
        Assert.True(after.Completed);
        Assert.Equal("Alex Wilber", after.CompletedBy);
        var conflict = await Assert.ThrowsAsync<IntegrifyConflictException>(() =>
            client.Tasks.CompleteApprovalAsync(user, task.RecipientTaskSid, new ApprovalDecision(choice.Value, null), CancellationToken.None));
        Assert.Equal("Alex Wilber", conflict.CompletedBy);
        Assert.NotNull(conflict.CompletedDate);
        Assert.Equal(1, simulator.Counters.Completions(task.RecipientTaskSid));
    }

    [Fact]
    public async Task A_choice_that_needs_a_comment_is_refused_without_one_and_accepted_with_one()
    {
        var user = await client.SignInAsync("alexw");
        var (task, approval) = await FirstApprovalAsync(user, needsComment: true);
        var reject = approval.CommentRequiredFor[0];

        var refused = await Assert.ThrowsAsync<IntegrifyBadRequestException>(() =>
            client.Tasks.CompleteApprovalAsync(user, task.RecipientTaskSid, new ApprovalDecision(reject, null), CancellationToken.None));
        Assert.Contains("comment", refused.Description ?? refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, simulator.Counters.Completions(task.RecipientTaskSid));

        await client.Tasks.CompleteApprovalAsync(user, task.RecipientTaskSid, new ApprovalDecision(reject, "Over budget"), CancellationToken.None);
        Assert.Equal(1, simulator.Counters.Completions(task.RecipientTaskSid));
    }

    [Fact]
    public async Task Another_users_task_is_forbidden()
    {
        var alex = await client.SignInAsync("alexw");
        var megan = await client.SignInAsync("meganb");
        var (task, approval) = await FirstApprovalAsync(alex);

        await Assert.ThrowsAsync<IntegrifyForbiddenException>(() =>
            client.Tasks.CompleteApprovalAsync(megan, task.RecipientTaskSid, new ApprovalDecision(approval.Choices[0].Value, "mine now"), CancellationToken.None));
        Assert.Equal(0, simulator.Counters.Completions(task.RecipientTaskSid));
    }

    [Fact]
    public async Task Open_url_and_milestone_tasks_complete()
    {
        var user = await client.SignInAsync("alexw");
        var tasks = (await client.Tasks.ListMyTasksAsync(user, new ListQuery { Count = 100 }, CancellationToken.None)).Items;
        var openUrl = tasks.First(task => task.TaskType == "openUrl");
        var milestone = tasks.First(task => task.TaskType == "milestone");

        await client.Tasks.CompleteOpenUrlAsync(user, openUrl.RecipientTaskSid, CancellationToken.None);
        await client.Tasks.CompleteMilestoneAsync(user, milestone.RecipientTaskSid, EmptyBody.Instance, CancellationToken.None);

        var left = (await client.Tasks.ListMyTasksAsync(user, new ListQuery { Count = 100 }, CancellationToken.None)).Items.Select(task => task.RecipientTaskSid).ToList();
        Assert.DoesNotContain(openUrl.RecipientTaskSid, left);
        Assert.DoesNotContain(milestone.RecipientTaskSid, left);
    }

    [Fact]
    public async Task A_task_can_be_reassigned_and_its_request_commented_on()
    {
        var alex = await client.SignInAsync("alexw");
        var megan = await client.SignInAsync("meganb");
        var meganSid = (await client.Users.GetCurrentUserAsync(megan, CancellationToken.None)).Sid!;
        var (task, _) = await FirstApprovalAsync(alex);

        await client.Tasks.PostCommentAsync(alex, new NewComment(task.InstanceSid!, "Handing this to Megan."), CancellationToken.None);
        var comments = await client.Tasks.GetCommentsAsync(alex, task.InstanceSid!, CancellationToken.None);
        await client.Tasks.ReassignAsync(alex, task.RecipientTaskSid, meganSid, CancellationToken.None);

        Assert.Contains(comments, comment => comment.Comment == "Handing this to Megan." && comment.Date is not null);
        var alexTasks = (await client.Tasks.ListMyTasksAsync(alex, new ListQuery { Count = 100 }, CancellationToken.None)).Items;
        Assert.DoesNotContain(alexTasks, item => item.RecipientTaskSid == task.RecipientTaskSid);
        var meganTasks = (await client.Tasks.ListMyTasksAsync(megan, new ListQuery { Count = 100 }, CancellationToken.None)).Items;
        Assert.Contains(meganTasks, item => item.InstanceSid == task.InstanceSid);
    }

    [Fact]
    public async Task A_colleague_is_found_by_part_of_her_name_or_by_her_email_and_can_be_handed_a_task()
    {
        var alex = await client.SignInAsync("alexw");
        var megan = await client.SignInAsync("meganb");
        var (task, _) = await FirstApprovalAsync(alex);

        var byName = await client.Users.SearchUsersAsync(alex, UserQuery.Typed("megan"), CancellationToken.None);
        var byEmail = await client.Users.SearchUsersAsync(alex, UserQuery.Typed(" MEGANB@example.com "), CancellationToken.None);
        var everyone = await client.Users.SearchUsersAsync(alex, new UserQuery { Start = 2, Count = 3 }, CancellationToken.None);
        var found = Assert.Single(byName.Items);
        await client.Tasks.ReassignAsync(alex, task.RecipientTaskSid, found.Sid, CancellationToken.None);

        Assert.Equal(1, byName.Total);
        Assert.Equal(
            new DirectoryUser { Sid = found.Sid, UserName = "meganb", Email = "meganb@example.com", NameFirst = "Megan", NameLast = "Bowen", Title = "HR Manager", Department = "Human Resources" },
            found);
        Assert.Equal((await client.Users.GetCurrentUserAsync(megan, CancellationToken.None)).Sid, found.Sid);
        Assert.Equal(found, Assert.Single(byEmail.Items));
        Assert.Equal(6, everyone.Total);
        Assert.Equal(["isaiahl", "lynner", "adelev"], everyone.Items.Select(user => user.UserName));
        var meganTasks = (await client.Tasks.ListMyTasksAsync(megan, new ListQuery { Count = 100 }, CancellationToken.None)).Items;
        Assert.Contains(meganTasks, item => item.RecipientTaskSid == task.RecipientTaskSid);
        Assert.Equal(3, simulator.Counters.CallsBy("alexw", "U2"));
    }

    [Fact]
    public async Task A_request_is_started_listed_read_and_cancelled_once()
    {
        var user = await client.SignInAsync("alexw");
        var processes = await client.Requests.SearchProcessesAsync(user, "time off", CancellationToken.None);
        var timeOff = Assert.Single(processes);

        var started = await client.Requests.StartRequestAsync(user, timeOff.Sid, "Time off 2–6 March", new Dictionary<string, string> { ["Days"] = "5" }, CancellationToken.None);
        var mine = await client.Requests.ListRequestsAsync(user, new ListQuery { Search = "2–6 March" }, CancellationToken.None);
        var details = await client.Requests.GetRequestAsync(user, started.InstanceSid, CancellationToken.None);
        await client.Requests.CancelRequestAsync(user, started.InstanceSid, CancellationToken.None);
        var cancelled = await client.Requests.GetRequestAsync(user, started.InstanceSid, CancellationToken.None);

        Assert.NotNull(started.InstanceId);
        Assert.Contains(mine.Items, request => request.Sid == started.InstanceSid);
        Assert.Equal("Started", details.Status);
        Assert.Equal("Canceled", cancelled.Status);
        await Assert.ThrowsAnyAsync<IntegrifyException>(() => client.Requests.CancelRequestAsync(user, started.InstanceSid, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_request_is_not_found()
    {
        var user = await client.SignInAsync("alexw");

        await Assert.ThrowsAsync<IntegrifyNotFoundException>(() => client.Requests.GetRequestAsync(user, Guid.NewGuid().ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task A_report_is_found_its_filters_read_and_its_csv_export_matches_its_run()
    {
        var user = await client.SignInAsync("alexw");
        var reports = await client.Reports.SearchReportsAsync(user, null, CancellationToken.None);
        var report = reports[0];

        var filters = await client.Reports.GetFiltersAsync(user, report.Sid, CancellationToken.None);
        var result = await client.Reports.RunAsync(user, report.Sid, [], CancellationToken.None, limit: 1000);
        await using var csv = await client.Reports.ExportCsvAsync(user, report.Sid, CancellationToken.None, start: 0, count: 1000);
        using var reader = new StreamReader(csv, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(reports.Count >= 3);
        Assert.Contains(filters, filter => filter.Expose);
        Assert.True(result.Total >= 50);
        Assert.Equal(result.Total, result.Rows.Count);
        Assert.NotEmpty(result.Columns);
        Assert.Equal(result.Total + 1, lines.Length);
    }

    private async Task<(TaskItem Task, ApprovalDetails Approval)> FirstApprovalAsync(IntegrifyUser user, bool needsComment = false)
    {
        var tasks = (await client.Tasks.ListMyTasksAsync(user, new ListQuery { Count = 100 }, CancellationToken.None)).Items;
        foreach (var task in tasks.Where(task => task.TaskType == "approval"))
        {
            var approval = await client.Tasks.GetApprovalAsync(user, task.RecipientTaskSid, CancellationToken.None);
            if (!needsComment || approval.CommentRequiredFor.Count > 0)
            {
                return (task, approval);
            }
        }

        throw new InvalidOperationException("The demo data has no such approval for this user.");
    }
}
