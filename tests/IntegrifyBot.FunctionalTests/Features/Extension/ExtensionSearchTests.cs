using IntegrifyBot.FunctionalTests.Features.Tasks;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.FunctionalTests.Features.Extension.ExtensionReading;

namespace IntegrifyBot.FunctionalTests.Features.Extension;

/// <summary>
/// The message extension's searches through /api/messages against the simulator: Alex's tasks,
/// his requests and the processes he may start, each result a card to share that holds nothing of his.
/// </summary>
public sealed class ExtensionSearchTests : LinkedAlexTests
{
    private const string Query = "composeExtension/query";

    [Fact]
    public async Task My_tasks_opened_without_text_lists_every_open_task_soonest_due_first()
    {
        var results = Results(await Bot.InvokeAsync(Query, Query("myTasks", search: null)));

        // The demo's most overdue task of Alex's is on #1007, due five days ago.
        Assert.Equal(12, results.Count);
        Assert.StartsWith("#1007 · Monitors for design team", results[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("overdue", results[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", results[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_task_card_holds_nothing_of_the_sharer_and_asks_each_viewer_for_their_view()
    {
        var (_, text, card) = Results(await Bot.InvokeAsync(Query, Query("myTasks", "Laptop")))[0];

        Assert.Contains("Laptop for new hire", text, StringComparison.Ordinal);
        var (verb, data) = Refresh(card);
        Assert.Equal("task.shared", verb);
        Assert.NotNull(data["recipientTaskSid"]);
        var shown = LinkingBot.Texts(card);
        Assert.DoesNotContain("Laptop", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("1001", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_tasks_with_text_lists_only_the_matching_tasks()
    {
        var results = Results(await Bot.InvokeAsync(Query, Query("myTasks", "time off")));

        Assert.Equal(2, results.Count);
        Assert.All(results, result => Assert.Contains("Time off", result.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task My_requests_lists_the_requests_alex_started_as_shared_request_cards()
    {
        var results = Results(await Bot.InvokeAsync(Query, Query("myRequests", search: null)));

        Assert.NotEmpty(results);
        Assert.Contains(results, result => result.Title.Contains("Standing desk – Alex", StringComparison.Ordinal));
        Assert.All(results, result => Assert.Equal("request.shared", Refresh(result.Card).Verb));
    }

    [Fact]
    public async Task Processes_lists_what_alex_may_start_each_with_a_start_button()
    {
        var results = Results(await Bot.InvokeAsync(Query, Query("processes", "time")));

        var timeOff = Assert.Single(results, result => result.Title == "Time Off");
        var start = Assert.Single(timeOff.Card.GetProperty("actions").EnumerateArray());
        Assert.Equal("request.pick", start.GetProperty("verb").GetString());
    }

    [Fact]
    public async Task Markup_in_an_integrify_name_shows_as_written_in_the_preview()
    {
        await Bot.LinkAsync(LinkingBot.Person(2), "meganb");
        var start = await Bot.InvokeAsync("composeExtension/fetchTask", new System.Text.Json.Nodes.JsonObject { ["commandId"] = "startRequest", ["commandContext"] = "compose" }, LinkingBot.Person(2));
        Assert.Equal("continue", start.GetProperty("task").GetProperty("type").GetString());
        var card = start.GetProperty("task").GetProperty("value").GetProperty("card").GetProperty("content");
        var processSid = LinkingBot.Inputs(card)["processSid"].GetProperty("choices")[0].GetProperty("value").GetString();
        var data = System.Text.Json.Nodes.JsonNode.Parse(card.GetProperty("actions")[0].GetProperty("data").GetRawText())!.AsObject();
        data["processSid"] = processSid;
        data["requestName"] = "<a href=\"https://evil.example\">Click</a> & co";

        var (title, _, _) = Assert.Single(Results(await Bot.InvokeAsync("composeExtension/submitAction", new System.Text.Json.Nodes.JsonObject { ["commandId"] = "startRequest", ["data"] = data }, LinkingBot.Person(2))));

        Assert.EndsWith("&lt;a href=&quot;https://evil.example&quot;&gt;Click&lt;/a&gt; &amp; co", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_answers_with_no_results()
    {
        Assert.Empty(Results(await Bot.InvokeAsync(Query, Query("myTasks", "no such task anywhere"))));
    }

    [Fact]
    public async Task A_command_the_bot_does_not_offer_is_answered_with_a_line_not_an_error()
    {
        var line = Message(await Bot.InvokeAsync(Query, Query("somethingOld", "x")));

        Assert.Contains("isn't available", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public async Task A_search_that_names_no_command_searches_alexs_tasks(string? commandId)
    {
        // Teams names the command from the manifest; a client that names none gets the main search.
        var query = Query("myTasks", "time off");
        if (commandId is null)
        {
            query.Remove("commandId");
        }
        else
        {
            query["commandId"] = commandId;
        }

        var results = Results(await Bot.InvokeAsync(Query, query));

        Assert.Equal(Results(await Bot.InvokeAsync(Query, Query("myTasks", "time off"))).Select(result => result.Text), results.Select(result => result.Text));
        Assert.All(results, result => Assert.Equal("task.shared", Refresh(result.Card).Verb));
    }

    [Theory]
    [InlineData("""{"commandId":42,"parameters":"nope","queryOptions":{"skip":"a","count":-5}}""")]
    [InlineData("""{"commandId":"myTasks","parameters":[{"name":"search"},{"value":7}],"queryOptions":{"skip":99999999,"count":100000}}""")]
    [InlineData("""{}""")]
    public async Task A_query_of_odd_shape_gets_a_valid_answer(string value)
    {
        var answer = await Bot.InvokeAsync(Query, System.Text.Json.Nodes.JsonNode.Parse(value)!.AsObject());

        var type = answer.GetProperty("composeExtension").GetProperty("type").GetString();
        Assert.True(type is "result" or "message", type);
    }
}
