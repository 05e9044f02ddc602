using System.Text.Json;
using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.FunctionalTests.Features.Extension.ExtensionReading;

namespace IntegrifyBot.FunctionalTests.Features.Extension;

/// <summary>
/// "Start a request" from the compose box or a message's "…" menu: a dialog to pick the process and
/// name the request (a message's text prefills it), submitted once, whatever is clicked twice.
/// </summary>
public sealed class StartRequestDialogTests : LinkedAlexTests
{
    private const string FetchTask = "composeExtension/fetchTask";
    private const string SubmitAction = "composeExtension/submitAction";

    [Fact]
    public async Task From_the_compose_box_the_dialog_offers_the_processes_alex_may_start()
    {
        var (title, card) = Dialog(await Bot.InvokeAsync(FetchTask, Opening("compose")));

        Assert.Equal("Start a request", title);
        var inputs = LinkingBot.Inputs(card);
        var processes = inputs["processSid"].GetProperty("choices").EnumerateArray().Select(choice => choice.GetProperty("title").GetString()).ToList();
        Assert.Contains("Time Off", processes);
        Assert.False(inputs["requestName"].TryGetProperty("value", out var name) && name.GetString()!.Length > 0);
        Assert.Equal("Action.Submit", card.GetProperty("actions")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_action_command_that_names_no_command_opens_and_submits_the_start_dialog()
    {
        // Teams names the command from the manifest; a client that names none gets the bot's one dialog.
        var opening = Opening("compose");
        opening["commandId"] = "";
        var (title, _) = Dialog(await Bot.InvokeAsync(FetchTask, opening));
        Assert.Equal("Start a request", title);

        var submission = await FilledAsync("Time Off", "Time off without a command id", post: false);
        submission.Remove("commandId");
        var task = (await Bot.InvokeAsync(SubmitAction, submission)).GetProperty("task");

        Assert.Equal("message", task.GetProperty("type").GetString());
        Assert.Matches("You started request #\\d+ “Time off without a command id”.", task.GetProperty("value").GetString());
        Assert.Equal(1, Bot.Simulator.Counters.Calls("R2"));
    }

    [Fact]
    public async Task From_a_message_its_text_names_the_request()
    {
        var opening = Opening("message");
        opening["messagePayload"] = new JsonObject
        {
            ["id"] = "1700000000000",
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<p>Can we get <b>new chairs</b> &amp; desks<br>for the support team?</p>" },
        };

        var (_, card) = Dialog(await Bot.InvokeAsync(FetchTask, opening));

        Assert.Equal("Can we get new chairs & desks for the support team?", LinkingBot.Inputs(card)["requestName"].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Submitted_with_post_on_the_request_starts_once_and_its_card_goes_into_the_compose_box()
    {
        var submit = await FilledAsync("Time Off", "Time off 2–6 Mar", post: true);

        var first = await Bot.InvokeAsync(SubmitAction, submit);
        var second = await Bot.InvokeAsync(SubmitAction, submit);

        var (title, _, card) = Assert.Single(Results(first));
        Assert.Contains("Time off 2–6 Mar", title, StringComparison.Ordinal);
        Assert.Equal("request.shared", Refresh(card).Verb);
        Assert.Equal(title, Assert.Single(Results(second)).Title);
        Assert.Equal(1, Bot.Simulator.Counters.Calls("R2"));
    }

    [Fact]
    public async Task Submitted_without_post_the_dialog_says_the_request_started()
    {
        var answer = await Bot.InvokeAsync(SubmitAction, await FilledAsync("Time Off", "Time off 9–13 Mar", post: false));

        var task = answer.GetProperty("task");
        Assert.Equal("message", task.GetProperty("type").GetString());
        Assert.Matches("You started request #\\d+ “Time off 9–13 Mar”.", task.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData(null, "A name", "Pick the process to start.")]
    [InlineData("PROCESS", "   ", "Give the request a name.")]
    [InlineData("PROCESS", null, "Give the request a name.")]
    public async Task Something_missing_is_said_in_the_dialog_and_nothing_starts(string? process, string? name, string problem)
    {
        var submit = await FilledAsync("Time Off", name ?? string.Empty, post: true);
        var data = submit["data"]!.AsObject();
        if (process is null)
        {
            data.Remove("processSid");
        }

        if (name is null)
        {
            data.Remove("requestName");
        }

        var (_, card) = Dialog(await Bot.InvokeAsync(SubmitAction, submit));

        Assert.Contains(problem, LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("R2"));
    }

    [Fact]
    public async Task A_process_integrify_refuses_is_said_in_the_dialog()
    {
        var submit = await FilledAsync("Time Off", "Not mine to start", post: true);
        submit["data"]!["processSid"] = "00000000-0000-0000-0000-00000000dead";

        var (_, card) = Dialog(await Bot.InvokeAsync(SubmitAction, submit));

        Assert.Contains("Integrify did not start it", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal("Not mine to start", LinkingBot.Inputs(card)["requestName"].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("""{"commandId":"startRequest","data":"not an object"}""")]
    [InlineData("""{"commandId":"startRequest","data":{"processSid":7,"requestName":["x"],"post":{},"startId":"../../x"}}""")]
    [InlineData("""{"commandId":"startRequest"}""")]
    public async Task A_submit_of_odd_shape_shows_the_dialog_again_with_what_is_missing(string value)
    {
        var (_, card) = Dialog(await Bot.InvokeAsync(SubmitAction, JsonNode.Parse(value)!.AsObject()));

        Assert.Contains("Pick the process to start.", LinkingBot.Texts(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_integrify_is_answered_within_teams_limit()
    {
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/processes", LatencyMs = 60_000 });

        var (_, card) = Dialog(await Bot.InvokeAsync(FetchTask, Opening("compose")));

        Assert.Matches("taking too long|Integrify isn't answering", LinkingBot.Texts(card));
    }

    private static JsonObject Opening(string context) => new() { ["commandId"] = "startRequest", ["commandContext"] = context, ["context"] = new JsonObject { ["theme"] = "default" } };

    /// <summary>The dialog opened from the compose box, filled in as a person would, ready to submit.</summary>
    private async Task<JsonObject> FilledAsync(string process, string name, bool post)
    {
        var (_, card) = Dialog(await Bot.InvokeAsync(FetchTask, Opening("compose")));
        var processSid = LinkingBot.Inputs(card)["processSid"].GetProperty("choices").EnumerateArray()
            .First(choice => choice.GetProperty("title").GetString() == process).GetProperty("value").GetString();
        var data = JsonNode.Parse(card.GetProperty("actions")[0].GetProperty("data").GetRawText())!.AsObject();
        data["processSid"] = processSid;
        data["requestName"] = name;
        data["post"] = post ? "true" : "false";
        return new JsonObject { ["commandId"] = "startRequest", ["commandContext"] = "compose", ["data"] = data };
    }
}
