using Integrify.Simulator;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>The demo data is what docs/integrify.md says it is, read through the bot's own client.</summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private static readonly string[] Users = ["alexw", "meganb", "adelev", "isaiahl", "pattif", "lynner"];
    private SimulatorHost simulator = null!;
    private IntegrifyClients client = null!;

    public async Task InitializeAsync()
    {
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions());
        client = new IntegrifyClients(simulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task Every_emulator_user_signs_in_with_the_demo_password_key_and_organisation_key()
    {
        foreach (var userName in Users)
        {
            var byPassword = await client.SignInAsync(userName);
            var byKey = new IntegrifyUser("tenant-1", $"key-{userName}");
            await client.SignIn.WithPersonalApiKeyAsync(byKey, $"demo-key-{userName}", CancellationToken.None);
            var byOrganisation = new IntegrifyUser("tenant-1", $"org-{userName}");
            await client.SignIn.WithOrganizationKeyAsync(byOrganisation, userName, CancellationToken.None);

            foreach (var user in new[] { byPassword, byKey, byOrganisation })
            {
                var me = await client.Users.GetCurrentUserAsync(user, CancellationToken.None);
                Assert.Equal(userName, me.UserName);
                Assert.Equal($"{userName}@example.com", me.Email);
            }
        }
    }

    [Fact]
    public async Task There_are_27_open_tasks_12_of_them_alexs_with_every_task_type_and_varied_due_dates()
    {
        var totals = new Dictionary<string, int>();
        foreach (var userName in Users)
        {
            var user = await client.SignInAsync(userName);
            totals[userName] = (await client.Tasks.ListMyTasksAsync(user, new ListQuery { Count = 100 }, CancellationToken.None)).Total;
        }

        var alex = await client.SignInAsync("alexw");
        var alexTasks = (await client.Tasks.ListMyTasksAsync(alex, new ListQuery { Count = 100 }, CancellationToken.None)).Items;
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(27, totals.Values.Sum());
        Assert.Equal(12, totals["alexw"]);
        Assert.Equal(["approval", "form", "milestone", "openUrl"], alexTasks.Select(task => task.TaskType!).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(alexTasks, task => task.DueDate < now);
        Assert.Contains(alexTasks, task => task.DueDate > now.AddDays(14));
        Assert.Single(alexTasks, task => task.DueDate is null);
    }

    [Fact]
    public async Task Alexs_approvals_include_custom_choices_and_a_comment_required_to_reject()
    {
        var alex = await client.SignInAsync("alexw");
        var approvals = (await client.Tasks.ListMyTasksAsync(alex, new ListQuery { Count = 100 }, CancellationToken.None)).Items.Where(task => task.TaskType == "approval");

        var details = await Task.WhenAll(approvals.Select(task => client.Tasks.GetApprovalAsync(alex, task.RecipientTaskSid, CancellationToken.None)));

        Assert.Contains(details, approval => approval.Choices.Any(choice => choice.Value == "Deny"));
        Assert.Contains(details, approval => approval.Choices.Any(choice => choice.Value == "Request changes"));
        Assert.All(details, approval => Assert.NotEmpty(approval.CommentRequiredFor));
    }

    [Fact]
    public async Task There_are_six_processes_and_three_reports_of_sixty_rows_with_every_filter_kind()
    {
        var patti = await client.SignInAsync("pattif");
        var processes = await client.Requests.SearchProcessesAsync(patti, null, CancellationToken.None);
        var reports = await client.Reports.SearchReportsAsync(patti, null, CancellationToken.None);

        Assert.Equal(6, processes.Count);
        Assert.Equal(3, reports.Count);
        foreach (var report in reports)
        {
            var filters = await client.Reports.GetFiltersAsync(patti, report.Sid, CancellationToken.None);
            var result = await client.Reports.RunAsync(patti, report.Sid, [], CancellationToken.None, limit: 1000);
            Assert.Equal(60, result.Total);
            Assert.Equal(
                ["ExposeChoiceFilter", "ExposeDateFilter", "ExposeNumberFilter", "ExposeTextFilter"],
                filters.Where(filter => filter.Expose).Select(filter => filter.FieldType!).Distinct().Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Alexs_requests_are_numbered_from_1001_and_cover_every_status()
    {
        var alex = await client.SignInAsync("alexw");

        var requests = (await client.Requests.ListRequestsAsync(alex, new ListQuery { Count = 100 }, CancellationToken.None)).Items;

        Assert.All(requests, request => Assert.InRange(request.Id ?? 0, 1001, 1031));
        Assert.Equal(["Canceled", "Completed", "Started"], requests.Select(request => request.Status!).Distinct().Order(StringComparer.Ordinal));
    }
}
