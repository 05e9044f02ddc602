using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Tasks;

/// <summary>
/// An ordinary turn is not news in the log: with the bot's appsettings.json, the task list and a click
/// on its buttons write at most one Information line each, and none of the Bot Framework adapter's
/// per-turn lines ("ProcessActivityAsync", "SendActivitiesAsync for 1 activities", "Sending activity").
/// </summary>
public sealed class TurnLogLinesTests : LinkedAlexTests
{
    [Fact]
    public async Task A_text_turn_and_a_click_write_at_most_one_information_line_each()
    {
        var card = await Bot.SayAsync("tasks");
        var before = Bot.Logs.Count;
        card = await Bot.SayAsync("tasks");
        var text = Informational(before);

        before = Bot.Logs.Count;
        var next = Action(card.GetProperty("actions"), "Next");
        Assert.Equal(2, TaskBlocks(await Bot.ClickAsync(next.GetProperty("verb").GetString()!, Data(next))).Count);
        var click = Informational(before);

        Assert.True(text.Count <= 1, string.Join('\n', text));
        Assert.True(click.Count <= 1, string.Join('\n', click));
        Assert.DoesNotContain(text.Concat(click), line => line.Contains("BotAdapter", StringComparison.Ordinal) || line.Contains("Microsoft.Bot", StringComparison.Ordinal));
    }

    /// <summary>The Information lines written since <paramref name="since"/> (the answer is out, and so is what the turn logged before it).</summary>
    private List<string> Informational(int since) =>
        [.. Bot.Logs.Lines.Skip(since).Where(line => line.StartsWith("Information ", StringComparison.Ordinal))];
}
