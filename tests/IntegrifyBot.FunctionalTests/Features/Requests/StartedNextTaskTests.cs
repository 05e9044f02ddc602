using IntegrifyBot.TestInfrastructure;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Requests;

/// <summary>
/// A request whose first task is the starter's shows that task in the started card, with the buttons
/// it has in the task list, which act through the task verbs; through /api/messages against the simulator.
/// </summary>
public sealed class StartedNextTaskTests : LinkedAlexTests
{
    [Fact]
    public async Task Starting_it_access_shows_the_policy_task_with_complete_which_completes_it_once()
    {
        var started = await Bot.ClickAsync("request.start", await StartDataAsync("IT Access", "Miro access – Alex"));

        var texts = LinkingBot.Texts(started);
        Assert.Matches("Request #\\d+ “Miro access – Alex” is started.", texts);
        Assert.Contains("Next is yours: **Read the acceptable use policy**", texts, StringComparison.Ordinal);
        Assert.Contains("IT Access · Open URL · due ", texts, StringComparison.Ordinal);
        Assert.Equal(["Complete", "Open in Integrify", "Open the request", "My requests"], Titles(started.GetProperty("actions")));
        var complete = Action(started.GetProperty("actions"), "Complete");
        Assert.Equal("task.complete", complete.GetProperty("verb").GetString());
        var sid = Data(complete)["recipientTaskSid"]!.GetValue<string>();
        var id = Data(complete)["instanceId"]!.GetValue<long>();

        var done = await Bot.ClickAsync("task.complete", Data(complete));

        Assert.Contains($"You completed the task on request #{id}", LinkingBot.Texts(done), StringComparison.Ordinal);
        Assert.DoesNotContain(Bot.Simulator.Control.OpenTasks("alexw"), task => task.RecipientTaskSid == sid);
        Assert.Equal(1, Bot.Simulator.Counters.Completions(sid));
        Assert.Contains(Bot.Simulator.Control.OpenTasks("pattif"), task => task.RequestName == "Miro access – Alex" && task.TaskName == "Manager approval");
    }

    [Fact]
    public async Task Starting_a_purchase_request_shows_its_form_to_open_in_integrify_and_nothing_to_complete()
    {
        var started = await Bot.ClickAsync("request.start", await StartDataAsync("Purchase Request", "Docking station – Alex"));

        var texts = LinkingBot.Texts(started);
        Assert.Contains("Next is yours: **Complete purchase details**", texts, StringComparison.Ordinal);
        Assert.Contains("Purchase Request · Form · due ", texts, StringComparison.Ordinal);
        var actions = started.GetProperty("actions");
        Assert.Equal(["Open in Integrify", "Open the request", "My requests"], Titles(actions));
        Assert.DoesNotContain(actions.EnumerateArray(), action => action.GetProperty("type").GetString() == "Action.Execute" && action.GetProperty("verb").GetString()!.StartsWith("task.", StringComparison.Ordinal));
        var form = Bot.Simulator.Control.OpenTasks("alexw").Single(task => task.RequestName == "Docking station – Alex");
        Assert.Equal(
            Bot.Simulator.BaseAddress + "#/section-dashboard/recipienttask/" + form.RecipientTaskSid,
            Action(actions, "Open in Integrify").GetProperty("url").GetString());
        Assert.Empty(LinkingBot.Inputs(started));
    }

    [Fact]
    public async Task Starting_a_software_renewal_shows_the_quote_approval_whose_approve_completes_it_once()
    {
        var started = await Bot.ClickAsync("request.start", await StartDataAsync("Software Renewal", "Figma renewal 2027"));

        var texts = LinkingBot.Texts(started);
        Assert.Contains("Next is yours: **Confirm the renewal quote**", texts, StringComparison.Ordinal);
        Assert.Contains("Software Renewal · Approval · due ", texts, StringComparison.Ordinal);
        Assert.Contains("Check the vendor's quote", texts, StringComparison.Ordinal);
        Assert.Equal(["Approve", "Reject", "Open the request", "My requests"], Titles(started.GetProperty("actions")));
        Assert.Contains("comment", LinkingBot.Inputs(started).Keys);
        var approve = Data(Action(started.GetProperty("actions"), "Approve"));
        var sid = approve["recipientTaskSid"]!.GetValue<string>();
        approve["comment"] = "Same seats and price as last year.";

        var done = await Bot.ClickAsync("task.approve", (JsonObject)approve.DeepClone());
        var again = await Bot.ClickAsync("task.approve", approve);

        Assert.Contains("You chose **Approve** on the task on request #", LinkingBot.Texts(done), StringComparison.Ordinal);
        Assert.Contains("with the comment “Same seats and price as last year.”", LinkingBot.Texts(done), StringComparison.Ordinal);
        Assert.Contains("was already completed by Alex Wilber", LinkingBot.Texts(again), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Completions(sid));
        Assert.Equal(1, Bot.Simulator.Counters.Calls("T3"));
        Assert.Contains(Bot.Simulator.Control.OpenTasks("pattif"), task => task.RequestName == "Figma renewal 2027" && task.TaskName == "Finance approval");
    }

    [Fact]
    public async Task When_integrify_cannot_list_the_task_the_card_still_says_started_and_links_to_it()
    {
        var start = await StartDataAsync("IT Access", "Miro access – Alex");
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", Status = 503 });

        var started = await Bot.ClickAsync("request.start", start);

        var texts = LinkingBot.Texts(started);
        Assert.Matches("Request #\\d+ “Miro access – Alex” is started.", texts);
        Assert.Contains("Next is yours: **Read the acceptable use policy**.", texts, StringComparison.Ordinal);
        var actions = started.GetProperty("actions");
        Assert.Equal(["Open it in Integrify", "Open the request", "My requests"], Titles(actions));
        Assert.Contains("#/section-dashboard/recipienttask/", Action(actions, "Open it in Integrify").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Calls("R2"));
        Assert.True(Bot.Simulator.Counters.Calls("T1", "503") > 0);
    }

    [Fact]
    public async Task A_second_click_on_start_shows_the_same_task_and_starts_nothing_more()
    {
        var start = await StartDataAsync("IT Access", "Miro access – Alex");

        var first = await Bot.ClickAsync("request.start", (JsonObject)start.DeepClone());
        var second = await Bot.ClickAsync("request.start", start);

        Assert.Equal(LinkingBot.Texts(first), LinkingBot.Texts(second));
        Assert.Equal(["Complete", "Open in Integrify", "Open the request", "My requests"], Titles(second.GetProperty("actions")));
        Assert.Equal(Data(Action(first.GetProperty("actions"), "Complete")).ToJsonString(), Data(Action(second.GetProperty("actions"), "Complete")).ToJsonString());
        Assert.Equal(1, Bot.Simulator.Counters.Calls("R2"));
        Assert.Single(Bot.Simulator.Control.OpenTasks("alexw"), task => task.RequestName == "Miro access – Alex");
    }

    private Task<JsonObject> StartDataAsync(string process, string requestName) => StartDataAsync(Bot, process, requestName);

    /// <summary>"start …", the process's Start button, and the Start request button's data with the name filled in.</summary>
    internal static async Task<JsonObject> StartDataAsync(LinkingBot bot, string process, string requestName)
    {
        var processes = await bot.SayAsync($"start {process}");
        var naming = await bot.ClickAsync("request.pick", StartRequestTests.StartButton(processes, process));
        var start = Data(Action(naming.GetProperty("actions"), "Start request"));
        start["requestName"] = requestName;
        return start;
    }
}
