using System.Text.Json;
using System.Text.Json.Nodes;
using Integrify.Simulator;
using System.Net.Http.Json;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>
/// The task list through /api/messages against the simulator's demo data: Alex's twelve open tasks,
/// soonest due first, ten a page, searchable, each with what fits its type.
/// </summary>
public sealed class TaskListTests : LinkedAlexTests
{
    [Fact]
    public async Task Tasks_lists_ten_of_twelve_soonest_due_first_with_the_overdue_marked()
    {
        var card = await Bot.SayAsync("my tasks");

        var texts = LinkingBot.Texts(card);
        Assert.Contains("12 open · showing 1–10, soonest due first", texts, StringComparison.Ordinal);
        var tasks = TaskBlocks(card);
        Assert.Equal(10, tasks.Count);
        Assert.Contains("#1007", tasks[0], StringComparison.Ordinal);
        Assert.Contains("**Overdue**", tasks[0], StringComparison.Ordinal);
        Assert.Contains("#1001", tasks[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", tasks[2], StringComparison.Ordinal);
        Assert.Equal(["Next", "Refresh", "Decide several"], Titles(card.GetProperty("actions")));
    }

    [Fact]
    public async Task Next_shows_the_last_two_and_previous_goes_back()
    {
        var first = await Bot.SayAsync("tasks");
        var next = Action(first.GetProperty("actions"), "Next");

        var second = await Bot.ClickAsync(next.GetProperty("verb").GetString()!, Data(next));

        var tasks = TaskBlocks(second);
        Assert.Equal(2, tasks.Count);
        Assert.Contains("#1006", tasks[1], StringComparison.Ordinal);
        Assert.Contains("no due date", tasks[1], StringComparison.Ordinal);
        Assert.Equal(["Previous", "Refresh", "Decide several"], Titles(second.GetProperty("actions")));
    }

    [Fact]
    public async Task Words_after_tasks_search_them()
    {
        var card = await Bot.SayAsync("tasks laptop");

        var tasks = TaskBlocks(card);
        Assert.Contains("1 open matching “laptop”", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Contains("#1001", Assert.Single(tasks), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_task_offers_what_fits_its_type()
    {
        var card = await Bot.SayAsync("tasks");

        // Approvals: Integrify's own choices (custom ones too); milestones and open-URL tasks:
        // Complete; forms: Open in Integrify, at the task's deep link.
        Assert.Equal(["Approve", "Deny", "Details", "Reassign"], ButtonsOf(card, "#1002"));
        Assert.Equal(["Approve", "Reject", "Details", "Reassign"], ButtonsOf(card, "#1004"));
        Assert.Equal(["Complete", "Open in Integrify", "Details", "Reassign"], ButtonsOf(card, "#1007"));
        Assert.Equal(["Complete", "Open in Integrify", "Details", "Reassign"], ButtonsOf(card, "#1009"));
        Assert.Equal(["Open in Integrify", "Details", "Reassign"], ButtonsOf(card, "#1005"));
        var form = Block(card, "#1005").GetProperty("items").EnumerateArray().Last().GetProperty("actions")[0];
        Assert.StartsWith(Bot.Simulator.BaseAddress + "#/section-dashboard/recipienttask/", form.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_dates_are_shown_in_the_users_time_zone()
    {
        var seeded = Bot.Simulator.Control.SeededAt;
        var dueIn3Hours = TimeZoneInfo.ConvertTime(seeded.AddHours(3), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        var card = await Bot.SayAsync("tasks");

        // The activity's clientInfo says Europe/Berlin and en-US.
        Assert.Contains(dueIn3Hours.ToString("g", System.Globalization.CultureInfo.GetCultureInfo("en-US")), BlockText(card, "#1002"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_from_integrify_is_escaped()
    {
        Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = "milestone", RequestName = "**Free** [money](https://evil.example)" });

        var card = await Bot.SayAsync("tasks money");

        Assert.Contains(@"\*\*Free\*\* \[money\](https://evil.example)", LinkingBot.Texts(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_integrify_shows_the_typing_indicator_before_the_answer()
    {
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask", LatencyMs = 1500 });

        using var response = await Bot.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(Bot.Connector.ServiceUrl, "tasks"));

        Assert.Equal("typing", (await Bot.Connector.NextAsync()).Activity.GetProperty("type").GetString());
        Assert.Contains("Your tasks", LinkingBot.Texts((await Bot.Connector.NextAsync()).Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_channel_the_list_is_shown_to_the_asker_only()
    {
        var channel = TeamsActivities.ChannelMessage(Bot.Connector.ServiceUrl, "tasks");

        var shared = await Bot.SendAsync(channel);

        // Everyone sees a card with nothing of Alex's tasks; Teams refreshes it for Alex alone.
        Assert.DoesNotContain("#1001", LinkingBot.Texts(shared), StringComparison.Ordinal);
        Assert.Empty(TaskBlocks(shared));
        var refresh = shared.GetProperty("refresh");
        Assert.Equal([TeamsActivities.UserId], refresh.GetProperty("userIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal("tasks.page", refresh.GetProperty("action").GetProperty("verb").GetString());

        var refreshed = await Bot.ClickAsync("tasks.page", Data(refresh.GetProperty("action")), channel["conversation"]!.DeepClone().AsObject());

        Assert.Equal(10, TaskBlocks(refreshed).Count);
        Assert.Equal([TeamsActivities.UserId], refreshed.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(id => id.GetString()));
    }

    [Fact]
    public async Task Someone_not_linked_gets_the_link_card()
    {
        await Bot.SayAsync("sign out");

        var card = await Bot.SayAsync("tasks");

        Assert.Contains("Link your Integrify account", LinkingBot.Texts(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_integrify_outage_gets_a_retry_card_in_time()
    {
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance", Status = 503 });

        var card = await Bot.SayAsync("tasks");

        Assert.Contains("Integrify isn't answering", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(["Try again"], Titles(card.GetProperty("actions")));
    }
}
