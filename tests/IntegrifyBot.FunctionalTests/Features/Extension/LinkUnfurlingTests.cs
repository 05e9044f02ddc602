using System.Text.Json.Nodes;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.FunctionalTests.Features.Extension.ExtensionReading;

namespace IntegrifyBot.FunctionalTests.Features.Extension;

/// <summary>
/// Links pasted into a message (composeExtension/queryLink): a task's or request's page of the
/// configured Integrify becomes its shared card; links to anything else are left as they are.
/// </summary>
public sealed class LinkUnfurlingTests : LinkedAlexTests
{
    private const string QueryLink = "composeExtension/queryLink";

    [Fact]
    public async Task A_link_to_one_of_alexs_tasks_unfurls_into_the_shared_task_card()
    {
        var sid = await TaskSidAsync("Time off 12");
        var link = new Uri(Bot.Simulator.BaseAddress, "#/section-dashboard/recipienttask/" + sid);

        var (title, text, card) = Assert.Single(Results(await Bot.InvokeAsync(QueryLink, Link(link))));

        Assert.Contains("Time off 12–16 Jan", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(title));
        var (verb, data) = Refresh(card);
        Assert.Equal("task.shared", verb);
        Assert.Equal(sid, data["recipientTaskSid"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{0}#/section-dashboard/request/{1}")]
    [InlineData("{0}workflow/#/Section-Dashboard/Request/{1}?tab=history")]
    [InlineData("{0}#/section-dashboard/request/{1}/")]
    public async Task A_link_to_a_request_alex_may_read_unfurls_with_its_name_and_status(string shape)
    {
        var instanceSid = await RequestSidAsync("Standing desk");
        var link = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Bot.Simulator.BaseAddress, instanceSid);

        var (title, text, card) = Assert.Single(Results(await Bot.InvokeAsync(QueryLink, new JsonObject { ["url"] = link })));

        Assert.Contains("Standing desk – Alex", title, StringComparison.Ordinal);
        Assert.Contains("Started", text, StringComparison.Ordinal);
        Assert.Equal("request.shared", Refresh(card).Verb);
    }

    [Fact]
    public async Task A_link_to_a_request_alex_may_not_read_still_unfurls_but_previews_nothing_of_it()
    {
        // Lynne's request for the finance drive: Alex neither started it nor holds a task in it.
        await Bot.LinkAsync(LinkingBot.Person(6), "lynner");
        var lynnes = Results(await Bot.InvokeAsync("composeExtension/query", Query("myRequests", null), LinkingBot.Person(6)));
        var instanceSid = Refresh(lynnes.First(result => !result.Title.Contains("chairs", StringComparison.Ordinal)).Card).Data["instanceSid"]!.GetValue<string>();

        var (title, text, _) = Assert.Single(Results(await Bot.InvokeAsync(QueryLink, Link(new Uri(Bot.Simulator.BaseAddress, "#/section-dashboard/request/" + instanceSid)))));

        Assert.Equal("Integrify request", title);
        Assert.Contains("Not visible to you", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/#/section-dashboard/request/6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000001")]
    [InlineData("https://evil.example/?u={0}#/section-dashboard/request/6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000001")]
    [InlineData("{0}#/section-dashboard/dashboard")]
    [InlineData("{0}#/section-dashboard/request/..%2F..%2Fapi%2Fuser%2Fcurrent")]
    [InlineData("{0}#/section-dashboard/request/")]
    [InlineData("not a link at all")]
    [InlineData("")]
    public async Task A_link_that_is_not_a_page_of_the_configured_integrify_is_left_as_it_is(string shape)
    {
        var link = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Bot.Simulator.BaseAddress);
        var callsBefore = Bot.Simulator.Counters.Snapshot();

        Assert.Empty(Results(await Bot.InvokeAsync(QueryLink, new JsonObject { ["url"] = link })));
        Assert.Equal(callsBefore.Routes.Values.Sum(route => route.Calls), Bot.Simulator.Counters.Snapshot().Routes.Values.Sum(route => route.Calls));
    }

    private static JsonObject Link(Uri link) => new() { ["url"] = link.ToString() };

    private async Task<string> TaskSidAsync(string search)
    {
        var result = Assert.Single(Results(await Bot.InvokeAsync("composeExtension/query", Query("myTasks", search))));
        return Refresh(result.Card).Data["recipientTaskSid"]!.GetValue<string>();
    }

    private async Task<string> RequestSidAsync(string search)
    {
        var result = Assert.Single(Results(await Bot.InvokeAsync("composeExtension/query", Query("myRequests", search))));
        return Refresh(result.Card).Data["instanceSid"]!.GetValue<string>();
    }
}
