using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.EndToEndTests.PlaygroundTasksTests;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// Handing a task on, in Microsoft's Teams emulator: Alex reassigns one of his tasks to Megan from
/// his task list, and Megan, in an emulator of her own (the emulator's page has no user switch; its
/// current user comes from its configuration), is told at once and finds it in her list. Both are
/// linked by themselves, as the demo links the organisation's people.
/// </summary>
public sealed class PlaygroundReassignTests : IAsyncLifetime
{
    private BotApp bot = null!;
    private AgentsPlayground alex = null!;
    private AgentsPlayground megan = null!;

    public async Task InitializeAsync()
    {
        bot = await BotApp.DemoWithSimulatorAsync();
        var endpoint = new Uri(bot.BaseAddress, "/api/messages");
        alex = await AgentsPlayground.StartAsync(endpoint);
        megan = await AgentsPlayground.StartAsync(endpoint, AgentsPlayground.Megan);
        foreach (var playground in new[] { alex, megan })
        {
            await playground.InstallAsync();
            Assert.Contains("I'm the Integrify bot", Card(await playground.NextMessageAsync()).GetRawText(), StringComparison.Ordinal);
        }
    }

    public async Task DisposeAsync()
    {
        await megan.DisposeAsync();
        await alex.DisposeAsync();
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task Alex_reassigns_a_task_to_megan_who_is_told_at_once_and_finds_it_in_her_list()
    {
        // Megan's first words link her (demo mode) and record her chat, as for anyone who uses the bot.
        await megan.SendAsync("tasks");
        Assert.Contains("Your tasks", LinkingBot.Texts(Card(await megan.NextMessageAsync())), StringComparison.Ordinal);

        await alex.SendAsync("tasks");
        var list = await alex.NextMessageAsync();
        var reassign = Button(Card(list), "#1002", "Reassign");
        var sid = reassign.GetProperty("data").GetProperty("recipientTaskSid").GetString()!;
        var cardId = list.GetProperty("messageId").GetString()!;

        var search = Answer(await alex.ExecuteAsync(cardId, reassign));
        var found = Answer(await alex.ExecuteAsync(cardId, WithInputs(Action(search.GetProperty("actions"), "Find"), ("colleague", "megan"))));
        var meganSid = Choices(found).First(choice => choice.Title.StartsWith("Megan Bowen", StringComparison.Ordinal)).Value;
        var done = Answer(await alex.ExecuteAsync(cardId, WithInputs(Action(found.GetProperty("actions"), "Reassign"), ("contactSid", meganSid), ("reassignComment", "Away until the 20th."))));

        Assert.Matches(@"You reassigned the task on request #1002 to \*\*Megan Bowen\*\* at .+ with the comment “Away until the 20th\.”", LinkingBot.Texts(done));

        // Megan's chat gets the task at once, through the notification outbox, with who handed it on.
        var told = Card(await megan.NextMessageAsync(TestBudgets.Eventually));
        var texts = LinkingBot.Texts(told);
        Assert.Contains("New task for you", texts, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber handed this task to you: “Away until the 20th.”", texts, StringComparison.Ordinal);
        Assert.Contains("#1002", texts, StringComparison.Ordinal);

        // And her list has it; Alex's no longer does.
        await megan.SendAsync("tasks");
        Assert.Contains(TaskBlocks(Card(await megan.NextMessageAsync())), task => task.Contains("#1002 ", StringComparison.Ordinal));
        Assert.Contains(bot.Simulator.Control.OpenTasks("meganb"), task => task.RecipientTaskSid == sid);
        await alex.SendAsync("tasks");
        Assert.DoesNotContain(TaskBlocks(Card(await alex.NextMessageAsync())), task => task.Contains("#1002 ", StringComparison.Ordinal));
    }

    /// <summary>The card Teams shows in place of the clicked one: the invoke's answer.</summary>
    private static JsonElement Answer(JsonElement invokeAnswer) => invokeAnswer.GetProperty("value");

    /// <summary>A button as Teams sends it when pressed: its data with the card's inputs merged in.</summary>
    private static JsonElement WithInputs(JsonElement action, params (string Id, string Value)[] inputs)
    {
        var pressed = JsonNode.Parse(action.GetRawText())!.AsObject();
        var data = pressed["data"]!.AsObject();
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return JsonSerializer.SerializeToElement(pressed);
    }
}
