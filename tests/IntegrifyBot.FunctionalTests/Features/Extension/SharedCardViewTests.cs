using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.FunctionalTests.Features.Extension.ExtensionReading;

namespace IntegrifyBot.FunctionalTests.Features.Extension;

/// <summary>
/// A task or request card shared into a group chat is drawn for each viewer from their own Integrify
/// account: the assignee gets the buttons, a participant the status, anyone else nothing of it.
/// The demo's request #1002 ("Time off 12–16 Jan") was started by Megan; its open approval is Alex's.
/// </summary>
public sealed class SharedCardViewTests : LinkedAlexTests
{
    private static readonly JsonObject Megan = LinkingBot.Person(2);
    private static readonly JsonObject Lynne = LinkingBot.Person(6);
    private static readonly JsonObject Stranger = LinkingBot.Person(9);

    [Fact]
    public async Task The_assignee_sees_the_task_with_its_buttons()
    {
        var view = await ViewAsync(await SharedTimeOffTaskAsync(), from: null);

        var texts = LinkingBot.Texts(view);
        Assert.Contains("Assigned to you", texts, StringComparison.Ordinal);
        Assert.Contains("Time off 12–16 Jan", texts, StringComparison.Ordinal);
        Assert.Contains("Approve", ApproveTitles(view));
        Assert.Equal("task.shared", Refresh(view).Verb);
    }

    [Fact]
    public async Task Approving_from_the_shared_card_completes_once_and_shows_the_card_again_with_what_was_done()
    {
        var shared = await SharedTimeOffTaskAsync();
        var view = await ViewAsync(shared, from: null);
        var approve = Approve(view);
        var sid = approve["recipientTaskSid"]!.GetValue<string>();

        var after = await Bot.ClickAsync("task.approve", (JsonObject)approve.DeepClone(), TeamsActivities.GroupChat());
        var again = await Bot.ClickAsync("task.approve", (JsonObject)approve.DeepClone(), TeamsActivities.GroupChat());

        Assert.Contains("You chose **Approve** on the task on request #1002", LinkingBot.Texts(after), StringComparison.Ordinal);
        Assert.Empty(ApproveTitles(after));
        Assert.DoesNotContain("not open for you", LinkingBot.Texts(after), StringComparison.Ordinal);
        Assert.Equal("task.shared", Refresh(after).Verb);
        Assert.Contains("already completed", LinkingBot.Texts(again), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Completions(sid));
    }

    [Fact]
    public async Task The_requester_sees_where_the_request_stands_without_buttons()
    {
        await Bot.LinkAsync(Megan, "meganb");

        var view = await ViewAsync(await SharedTimeOffTaskAsync(), Megan);

        var texts = LinkingBot.Texts(view);
        Assert.Contains("#1002 · Time off 12–16 Jan", texts, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber", texts, StringComparison.Ordinal);
        Assert.Contains("This task is not open for you.", texts, StringComparison.Ordinal);
        Assert.Empty(ApproveTitles(view));
    }

    [Fact]
    public async Task After_the_assignee_approves_the_requester_sees_the_new_state()
    {
        await Bot.LinkAsync(Megan, "meganb");
        var shared = await SharedTimeOffTaskAsync();
        var before = LinkingBot.Texts(await ViewAsync(shared, Megan));
        await Bot.ClickAsync("task.approve", Approve(await ViewAsync(shared, from: null)), TeamsActivities.GroupChat());

        var after = LinkingBot.Texts(await ViewAsync(shared, Megan));

        Assert.NotEqual(before, after);
        Assert.DoesNotContain("Approve time off (Alex Wilber)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_whose_integrify_cannot_read_the_request_sees_nothing_of_it()
    {
        await Bot.LinkAsync(Lynne, "lynner");

        var view = await ViewAsync(await SharedTimeOffTaskAsync(), Lynne);

        var texts = LinkingBot.Texts(view);
        Assert.Contains("Not visible to you", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Time off", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("1002", texts, StringComparison.Ordinal);
        Assert.Empty(ApproveTitles(view));
    }

    [Fact]
    public async Task Someone_without_a_link_is_asked_to_link_and_sees_nothing_of_it()
    {
        var view = await ViewAsync(await SharedTimeOffTaskAsync(), Stranger);

        var texts = LinkingBot.Texts(view);
        Assert.Contains("Link your Integrify account", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Time off", texts, StringComparison.Ordinal);
        Assert.Equal("task.shared", Refresh(view).Verb);
    }

    [Fact]
    public async Task A_request_shared_by_its_requester_gives_the_assignee_of_its_open_task_the_buttons()
    {
        await Bot.LinkAsync(Megan, "meganb");
        var results = Results(await Bot.InvokeAsync("composeExtension/query", Query("myRequests", "Time off 12"), Megan, TeamsActivities.GroupChat()));
        var shared = Assert.Single(results).Card;

        var alexs = await ViewAsync(shared, from: null);
        var megans = await ViewAsync(shared, Megan);

        Assert.Equal("request.shared", Refresh(alexs).Verb);
        Assert.Contains("Approve", ApproveTitles(alexs));
        Assert.Empty(ApproveTitles(megans));
        Assert.Contains("#1002 · Time off 12–16 Jan", LinkingBot.Texts(megans), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_shared_card_is_refused_as_outdated()
    {
        var view = await Bot.ClickAsync("task.shared", new JsonObject { ["recipientTaskSid"] = new string('a', 200) }, TeamsActivities.GroupChat());

        Assert.Contains("can't be used any more", LinkingBot.Texts(view), StringComparison.Ordinal);
    }

    /// <summary>Alex's approval on #1002, found with the message extension and shared into the group chat.</summary>
    private async Task<JsonElement> SharedTimeOffTaskAsync()
    {
        var results = Results(await Bot.InvokeAsync("composeExtension/query", Query("myTasks", "Time off 12"), conversation: TeamsActivities.GroupChat()));
        return Assert.Single(results).Card;
    }

    /// <summary>What Teams shows <paramref name="from"/> (Alex when null) in place of the shared card: the answer to its refresh.</summary>
    private Task<JsonElement> ViewAsync(JsonElement shared, JsonObject? from)
    {
        var (verb, data) = Refresh(shared);
        return Bot.ClickAsync(verb, data, TeamsActivities.GroupChat(), from is null ? null : (JsonObject)from.DeepClone());
    }

    private static IEnumerable<JsonElement> ApproveButtons(JsonElement card) =>
        card.TryGetProperty("actions", out var actions)
            ? actions.EnumerateArray().Where(action => action.TryGetProperty("verb", out var verb) && verb.GetString() == "task.approve")
            : [];

    private static List<string> ApproveTitles(JsonElement card) => [.. ApproveButtons(card).Select(action => action.GetProperty("title").GetString()!)];

    private static JsonObject Approve(JsonElement card)
    {
        var button = ApproveButtons(card).First(action => action.GetProperty("title").GetString() == "Approve");
        return JsonNode.Parse(button.GetProperty("data").GetRawText())!.AsObject();
    }
}
