using IntegrifyBot.TestInfrastructure;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Requests;

/// <summary>"My requests" through /api/messages against the simulator's demo data (R3, R4, R5).</summary>
public sealed class MyRequestsTests : LinkedAlexTests
{
    [Fact]
    public async Task My_requests_lists_alexs_requests_with_their_status()
    {
        var card = await Bot.SayAsync("my requests");

        var texts = LinkingBot.Texts(card);
        Assert.Contains("Your requests", texts, StringComparison.Ordinal);
        var items = Items(card);
        Assert.Contains(items, item => item.Contains("#1030", StringComparison.Ordinal) && item.Contains("Canceled", StringComparison.Ordinal));
        Assert.Contains(items, item => item.Contains("#1028", StringComparison.Ordinal) && item.Contains("Completed", StringComparison.Ordinal));
        Assert.Contains(items, item => item.Contains("#1005", StringComparison.Ordinal) && item.Contains("Started", StringComparison.Ordinal));
        Assert.Equal(1, Bot.Simulator.Counters.Calls("R4"));

        // An ended request's last milestone is often its status: said once.
        Assert.DoesNotContain(items, item => item.Contains("Canceled · Canceled", StringComparison.Ordinal) || item.Contains("Completed · Completed", StringComparison.Ordinal) || item.Contains("Started · Started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Words_search_the_requests()
    {
        var card = await Bot.SayAsync("requests marketing");

        Assert.Contains("#1029", Assert.Single(Items(card)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_show_who_a_request_waits_on()
    {
        var list = await Bot.SayAsync("requests");

        var detail = await Bot.ClickAsync("request.open", Data(DetailsOf(list, "#1031")));

        var texts = LinkingBot.Texts(detail);
        Assert.Contains("Waiting on", texts, StringComparison.Ordinal);
        Assert.Contains("Isaiah Langer", texts, StringComparison.Ordinal);
        Assert.Contains("Cancel request", Titles(detail.GetProperty("actions")));
    }

    [Fact]
    public async Task Cancelling_asks_first_then_cancels_once()
    {
        var list = await Bot.SayAsync("requests");
        var detail = await Bot.ClickAsync("request.open", Data(DetailsOf(list, "#1031")));

        var confirm = await Bot.ClickAsync("request.cancel", Data(Action(detail.GetProperty("actions"), "Cancel request")));

        Assert.Contains("Cancel request #1031?", LinkingBot.Texts(confirm), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("R5"));
        Assert.Equal(["Yes, cancel it", "Keep it"], Titles(confirm.GetProperty("actions")));

        var canceled = await Bot.ClickAsync("request.cancel", Data(Action(confirm.GetProperty("actions"), "Yes, cancel it")));

        var texts = LinkingBot.Texts(canceled);
        Assert.Contains("You canceled the request.", texts, StringComparison.Ordinal);
        Assert.Contains("Canceled", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancel request", Titles(canceled.GetProperty("actions")));
        Assert.Equal(1, Bot.Simulator.Counters.Calls("R5"));
    }

    [Fact]
    public async Task An_ended_request_offers_no_cancel_and_a_forced_one_changes_nothing()
    {
        var list = await Bot.SayAsync("requests");
        var open = Data(DetailsOf(list, "#1028"));
        var detail = await Bot.ClickAsync("request.open", (JsonObject)open.DeepClone());
        Assert.DoesNotContain("Cancel request", Titles(detail.GetProperty("actions")));

        var forced = await Bot.ClickAsync("request.cancel", new JsonObject { ["instanceSid"] = open["instanceSid"]!.DeepClone(), ["confirmed"] = true });

        Assert.Contains("The request had already ended; nothing was changed.", LinkingBot.Texts(forced), StringComparison.Ordinal);
        Assert.Contains("Completed", LinkingBot.Texts(forced), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_request_cannot_be_cancelled()
    {
        var pattis = Bot.Simulator.Control.OpenTasks("pattif")[0].InstanceSid;

        var card = await Bot.ClickAsync("request.cancel", new JsonObject { ["instanceSid"] = pattis, ["confirmed"] = true });

        Assert.Matches("not one you can see|does not let you cancel", LinkingBot.Texts(card));
    }

    private static List<string> Items(JsonElement card) => TaskBlocks(card);

    private static JsonElement DetailsOf(JsonElement card, string requestNumber) =>
        Action(Block(card, requestNumber).GetProperty("items").EnumerateArray().Last().GetProperty("actions"), "Details");
}
