using System.Text;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.UnitTests.Features.Tasks;

public sealed class SeveralCardsTests
{
    private static readonly BotRequest Alex = new(new TurnUser("29:alex", "aad-alex", "Alex Wilber"), new TurnConversation("a:alex", ConversationKind.Personal, "tenant"));
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_checklist_of_the_longest_tasks_stays_well_under_teams_message_limit()
    {
        var huge = new string('x', 5000);
        var candidates = Enumerable.Range(0, SeveralCards.MaxTasks)
            .Select(i => new SeveralCandidate(new TaskItem { RecipientTaskSid = Guid.NewGuid().ToString(), TaskName = huge, TaskType = "approval", InstanceId = 100_000 + i, RequestName = huge, ProcessName = huge }, NeedsComment: i % 2 == 0))
            .ToList();

        var card = SeveralCards.Checklist(ChoiceMeaning.Approve, candidates, more: true, new TaskListView(huge[..30]), Alex, Now, picked: [.. candidates.Select(candidate => candidate.Task.RecipientTaskSid)], commentRequired: true);

        Assert.True(Encoding.UTF8.GetByteCount(CardJson.Serialize(card)) < 24 * 1024);
    }

    [Fact]
    public void Ticked_again_are_only_tasks_the_checklist_offers()
    {
        var task = new TaskItem { RecipientTaskSid = "rt-1", TaskName = "Manager approval", TaskType = "approval", InstanceId = 1001 };

        var card = SeveralCards.Checklist(ChoiceMeaning.Approve, [new SeveralCandidate(task, NeedsComment: true)], more: false, new TaskListView(), Alex, Now, picked: ["RT-1", "rt-gone"], commentRequired: true);

        var list = Assert.Single(card.Body.OfType<ChoiceSetInput>());
        Assert.Equal("RT-1", list.Value);
        Assert.True(list.IsMultiSelect);
        Assert.True(Assert.Single(card.Body.OfType<TextInput>()).IsRequired);
        Assert.Contains("comment needed", list.Choices[0].Title, StringComparison.Ordinal);
    }
}
