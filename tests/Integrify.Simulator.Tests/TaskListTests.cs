using System.Net;
using System.Text.Json;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

public sealed class TaskListTests
{
    private static readonly string[] TaskItemFields =
    [
        "allowReassign", "dueDate", "instanceId", "instanceSid", "instanceTaskSid", "priority", "processName",
        "recipientTaskSid", "requestName", "startDate", "status", "taskName", "taskType",
    ];

    [Fact]
    public async Task Alex_has_twelve_open_tasks_of_four_types_due_over_the_coming_weeks()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var tasks = await alex.TasksAsync();

        Assert.Equal(12, tasks.Count);
        var types = tasks.GroupBy(task => task.Text("taskType")).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(new Dictionary<string, int> { ["approval"] = 7, ["form"] = 2, ["milestone"] = 2, ["openUrl"] = 1 }, types);
        var due = tasks.Select(task => task.Date("dueDate")).ToList();
        Assert.Single(due, date => date is null);
        Assert.Equal(2, due.Count(date => date < TestSimulator.Epoch));
        Assert.Equal(2, due.Count(date => date > TestSimulator.Epoch && date < TestSimulator.Epoch.AddHours(6)));
        Assert.Equal(3, due.Count(date => date > TestSimulator.Epoch.AddDays(7)));
        Assert.All(tasks, task => Assert.Equal("Open", task.Text("status")));
    }

    [Fact]
    public async Task Task_items_carry_exactly_the_contract_fields_with_utc_dates()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var list = await alex.TaskListAsync("count=1");

        Assert.Equal(["items", "total"], Wire.Names(list));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(TaskItemFields, Wire.Names(item));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", item.Text("startDate"));
        Assert.Equal(JsonValueKind.Number, item.GetProperty("instanceId").ValueKind);
        Assert.True(Guid.TryParse(item.Text("recipientTaskSid"), out _));
    }

    [Fact]
    public async Task Paging_walks_every_task_once_and_count_defaults_to_ten()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var pages = new[] { await alex.TaskListAsync("start=0&count=5"), await alex.TaskListAsync("start=5&count=5"), await alex.TaskListAsync("start=10&count=5") };
        var byDefault = await alex.TasksAsync(string.Empty);

        Assert.All(pages, page => Assert.Equal(12, page.GetProperty("total").GetInt32()));
        Assert.Equal([5, 5, 2], pages.Select(page => page.GetProperty("items").GetArrayLength()));
        Assert.Equal(12, pages.SelectMany(page => page.GetProperty("items").EnumerateArray()).Select(task => task.Text("recipientTaskSid")).Distinct().Count());
        Assert.Equal(10, byDefault.Count);
    }

    [Fact]
    public async Task Count_is_capped_at_a_hundred()
    {
        await using var sim = await TestSimulator.StartAsync();
        for (var index = 0; index < 95; index++)
        {
            sim.Host.Control.AssignTask(new TaskAssignment { UserName = "alexw" });
        }

        var alex = await sim.SignInAsync("alexw");
        var list = await alex.TaskListAsync("count=500");

        Assert.Equal(107, list.GetProperty("total").GetInt32());
        Assert.Equal(100, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Sorting_by_due_date_puts_tasks_without_one_last_either_way(string dir)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var due = (await alex.TasksAsync($"count=100&sort=dueDate&dir={dir}")).Select(task => task.Date("dueDate")).ToList();

        Assert.Null(due[^1]);
        var dated = due.Take(11).Select(date => date!.Value).ToList();
        Assert.Equal(dir == "asc" ? dated.Order() : dated.OrderDescending(), dated);
    }

    [Fact]
    public async Task Sorting_by_due_date_ascending_is_the_default()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var byDefault = (await alex.TasksAsync()).Select(task => task.Text("recipientTaskSid"));
        var explicitly = (await alex.TasksAsync("count=100&sort=dueDate&dir=asc")).Select(task => task.Text("recipientTaskSid"));

        Assert.Equal(explicitly, byDefault);
    }

    [Fact]
    public async Task Sorting_by_task_name_and_start_date_follows_the_direction()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var names = (await alex.TasksAsync("count=100&sort=taskName&dir=desc")).Select(task => task.Text("taskName")).ToList();
        var starts = (await alex.TasksAsync("count=100&sort=startDate")).Select(task => task.Date("startDate")!.Value).ToList();

        Assert.Equal(names.OrderDescending(StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal(starts.Order(), starts);
    }

    [Theory]
    [InlineData("laptop", 1)]
    [InlineData("TIME OFF", 2)]
    [InlineData("Mark as ordered", 2)]
    [InlineData("1005", 1)]
    [InlineData("#1005", 1)]
    [InlineData("Expense Report", 3)]
    [InlineData("no such thing", 0)]
    public async Task Search_matches_task_request_and_process_names_and_request_ids(string search, int expected)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var list = await alex.TaskListAsync($"count=100&search={Uri.EscapeDataString(search)}");

        Assert.Equal(expected, list.GetProperty("total").GetInt32());
        Assert.Equal(expected, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_callers_open_tasks_are_listed()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var patti = await sim.SignInAsync("pattif");
        var alexs = (await alex.TasksAsync()).Select(task => task.Text("recipientTaskSid")).ToHashSet();

        var pattis = (await patti.TasksAsync()).Select(task => task.Text("recipientTaskSid")).ToList();
        using var approved = await alex.ApproveAsync(await alex.TaskSidAsync("Laptop for new hire – Jordan"), "Approve");

        Assert.Equal(5, pattis.Count);
        Assert.DoesNotContain(pattis, alexs.Contains);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(11, (await alex.TaskListAsync()).GetProperty("total").GetInt32());
        Assert.Equal(6, (await patti.TaskListAsync()).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("start=-1")]
    [InlineData("start=x")]
    [InlineData("count=0")]
    [InlineData("sort=priority")]
    [InlineData("dir=up")]
    public async Task Bad_paging_or_sorting_is_a_bad_request(string query)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.GetAsync($"api/instance/mytask/list?{query}");

        await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_query_parameters_are_ignored()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var list = await alex.TaskListAsync("filters=%5B%5D&foo=bar&count=100");

        Assert.Equal(12, list.GetProperty("total").GetInt32());
    }
}
