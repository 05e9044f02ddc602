using System.Text;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.UnitTests.Features.Tasks;

public sealed class TaskCardsTests
{
    /// <summary>Teams refuses a message over about 28 KB, card included.</summary>
    private const int TeamsMessageLimit = 28 * 1024;

    private static readonly BotRequest Alex = new(new TurnUser("29:alex", "aad-alex", "Alex Wilber"), new TurnConversation("a:alex", ConversationKind.Personal, "tenant"));
    private static readonly Uri Integrify = new("https://acme.integrify.com/");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_full_page_of_the_longest_tasks_stays_well_under_teams_message_limit()
    {
        var huge = new string('x', 5000);
        var tasks = Enumerable.Range(0, CardLimits.PageSize).Select(i => new TaskItem
        {
            RecipientTaskSid = Guid.NewGuid().ToString(),
            TaskName = huge,
            TaskType = "approval",
            InstanceId = 100_000 + i,
            RequestName = huge,
            ProcessName = huge,
            DueDate = Now.AddDays(i - 3),
        }).ToList();
        var choices = new ApprovalDetails { Choices = [.. Enumerable.Range(0, 8).Select(i => new ApprovalChoice { Value = $"choice-{i}-" + new string('v', 23), Label = huge })] };
        var page = new TaskListPage(new TaskListView(huge[..CardLimits.MaxSearchLength], 10), 500, tasks, tasks.ToDictionary(task => task.RecipientTaskSid, _ => choices));

        var card = TaskCards.List(page, Alex, Integrify, Now);
        var json = CardJson.Serialize(card);

        Assert.True(Encoding.UTF8.GetByteCount(json) < TeamsMessageLimit, $"The card is {Encoding.UTF8.GetByteCount(json)} bytes.");
        var first = Assert.IsType<Container>(card.Body.OfType<Container>().First());
        Assert.EndsWith("…**", Assert.IsType<TextBlock>(first.Items[0]).Text, StringComparison.Ordinal);
        // Too long for every button: each task keeps Details, where its choices are.
        Assert.Equal(["Details"], Assert.IsType<ActionSet>(first.Items[^1]).Actions.Select(action => action.Title));
    }

    [Fact]
    public void A_page_of_ordinary_tasks_keeps_every_button()
    {
        var tasks = Enumerable.Range(0, CardLimits.PageSize).Select(i => new TaskItem
        {
            RecipientTaskSid = Guid.NewGuid().ToString(),
            TaskName = "Manager approval",
            TaskType = "approval",
            InstanceId = 1000 + i,
            RequestName = "Laptop for new hire – Jordan",
            ProcessName = "Purchase Request",
            AllowReassign = i == 0 ? false : null,
        }).ToList();
        var choices = new ApprovalDetails { Choices = [new ApprovalChoice { Value = "approve", Label = "Approve" }, new ApprovalChoice { Value = "reject", Label = "Reject" }, new ApprovalChoice { Value = "sendBack", Label = "Request changes" }] };
        var page = new TaskListPage(new TaskListView("laptop"), 10, tasks, tasks.ToDictionary(task => task.RecipientTaskSid, _ => choices));

        var card = TaskCards.List(page, Alex, Integrify, Now);

        // Ten approvals with three choices each come close to Teams' limit: Reassign moves to Details.
        Assert.All(RowButtons(card), row => Assert.Equal(["Approve", "Reject", "Request changes", "Details"], row));
        Assert.True(Encoding.UTF8.GetByteCount(CardJson.Serialize(card)) <= CardLimits.MaxCardBytes);
    }

    [Fact]
    public void A_page_of_two_choice_approvals_offers_reassign_on_each_task_its_process_lets_go()
    {
        var tasks = Enumerable.Range(0, CardLimits.PageSize).Select(i => new TaskItem
        {
            RecipientTaskSid = Guid.NewGuid().ToString(),
            TaskName = "Manager approval",
            TaskType = "approval",
            InstanceId = 1000 + i,
            RequestName = "Laptop for new hire – Jordan",
            ProcessName = "Purchase Request",
            AllowReassign = i == 0 ? false : null,
        }).ToList();
        var choices = new ApprovalDetails { Choices = [new ApprovalChoice { Value = "approve", Label = "Approve" }, new ApprovalChoice { Value = "reject", Label = "Reject" }] };
        var page = new TaskListPage(new TaskListView("laptop"), 10, tasks, tasks.ToDictionary(task => task.RecipientTaskSid, _ => choices));

        var rows = RowButtons(TaskCards.List(page, Alex, Integrify, Now));

        // The first task's process keeps it with its assignee: it alone offers no Reassign.
        Assert.Equal(["Approve", "Reject", "Details"], rows[0]);
        Assert.All(rows.Skip(1), row => Assert.Equal(["Approve", "Reject", "Details", "Reassign"], row));
    }

    [Fact]
    public void The_detail_view_with_many_long_comments_stays_under_the_limit_and_shows_the_latest()
    {
        var task = new TaskItem { RecipientTaskSid = "rt-1", TaskName = "Manager approval", TaskType = "approval", InstanceId = 1001, RequestName = "Laptop", ProcessName = "Purchase Request" };
        var comments = Enumerable.Range(1, 40).Select(i => new RequestComment { Author = $"Author {i}", Date = Now.AddHours(i), Comment = $"Comment {i} " + new string('y', 3000) }).ToList();

        var card = TaskCards.Detail(task, new ApprovalDetails { Instructions = new string('z', 5000) }, comments, new TaskListView(), Alex, Integrify, Now);
        var json = CardJson.Serialize(card);

        Assert.True(Encoding.UTF8.GetByteCount(json) < TeamsMessageLimit * 3 / 4, $"The card is {Encoding.UTF8.GetByteCount(json)} bytes.");
        Assert.Contains("Author 40", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Author 35 ", json, StringComparison.Ordinal);
    }

    private static List<List<string>> RowButtons(AdaptiveCard card) =>
        [.. card.Body.OfType<Container>().Where(container => container.Separator == true).Select(task => Assert.IsType<ActionSet>(task.Items[^1]).Actions.Select(action => action.Title ?? string.Empty).ToList())];
}
