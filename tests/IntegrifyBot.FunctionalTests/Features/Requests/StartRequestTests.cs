using Integrify.Simulator;
using IntegrifyBot.TestInfrastructure;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Requests;

/// <summary>Starting a request from Teams (R1, R2) through /api/messages against the simulator.</summary>
public sealed class StartRequestTests : LinkedAlexTests
{
    [Fact]
    public async Task Start_with_words_finds_the_process_names_the_request_and_starts_it_once()
    {
        var processes = await Bot.SayAsync("start time off");
        Assert.Contains("Time Off", LinkingBot.Texts(processes), StringComparison.Ordinal);
        var pick = StartButton(processes, "Time Off");

        var naming = await Bot.ClickAsync("request.pick", pick);

        var name = LinkingBot.Inputs(naming)["requestName"];
        Assert.StartsWith("Time Off – Alex – ", name.GetProperty("value").GetString(), StringComparison.Ordinal);
        var start = Data(Action(naming.GetProperty("actions"), "Start request"));
        start["requestName"] = "Time off 2–6 March";

        var started = await Bot.ClickAsync("request.start", (JsonObject)start.DeepClone());
        var again = await Bot.ClickAsync("request.start", start);

        Assert.Matches("Request #\\d+ “Time off 2–6 March” is started.", LinkingBot.Texts(started));
        Assert.Equal(LinkingBot.Texts(started), LinkingBot.Texts(again));
        Assert.Equal(1, Bot.Simulator.Counters.Calls("R2"));
        var mine = await Bot.SayAsync("my requests");
        Assert.Contains("Time off 2–6 March", LinkingBot.Texts(mine), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_clicks_at_the_same_moment_start_one_request_and_both_show_it()
    {
        var processes = await Bot.SayAsync("start time off");
        var naming = await Bot.ClickAsync("request.pick", StartButton(processes, "Time Off"));
        var start = Data(Action(naming.GetProperty("actions"), "Start request"));
        start["requestName"] = "Time off 9–13 March";
        // Integrify takes a moment to start it, so the second click arrives while the first waits.
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/start/", LatencyMs = 500 });

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Bot.ClickAsync("request.start", (JsonObject)start.DeepClone())));

        Assert.Equal(1, Bot.Simulator.Counters.Calls("R2"));
        Assert.All(clicks, card => Assert.Equal(LinkingBot.Texts(clicks[0]), LinkingBot.Texts(card)));
        Assert.Matches("Request #\\d+ “Time off 9–13 March” is started.", LinkingBot.Texts(clicks[0]));
    }

    [Fact]
    public async Task An_empty_name_is_asked_for_and_nothing_is_started()
    {
        var processes = await Bot.SayAsync("new request");
        var pick = StartButton(processes, "Purchase Request");
        var naming = await Bot.ClickAsync("request.pick", pick);
        var start = Data(Action(naming.GetProperty("actions"), "Start request"));
        start["requestName"] = "   ";

        var card = await Bot.ClickAsync("request.start", start);

        Assert.Contains("Give the request a name.", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("R2"));
    }

    [Fact]
    public async Task A_process_the_user_may_not_start_is_refused_with_integrifys_words()
    {
        var start = new JsonObject { ["processSid"] = Guid.NewGuid().ToString(), ["startId"] = "s-1", ["processName"] = "Nothing", ["requestName"] = "Try" };

        var card = await Bot.ClickAsync("request.start", start);

        Assert.Contains("Integrify did not start it", LinkingBot.Texts(card), StringComparison.Ordinal);
    }

    internal static JsonObject StartButton(JsonElement card, string process) =>
        Data(Action(
            card.GetProperty("body").EnumerateArray()
                .First(element => element.GetProperty("type").GetString() == "Container" && LinkingBot.Texts(element).StartsWith($"**{process}**", StringComparison.Ordinal))
                .GetProperty("items").EnumerateArray().Last().GetProperty("actions"),
            "Start"));
}
