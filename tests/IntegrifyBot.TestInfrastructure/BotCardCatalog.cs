using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Help;
using IntegrifyBot.Features.Linking;
using IntegrifyBot.Features.Notifications;
using IntegrifyBot.Features.Requests;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Notifications;
using IntegrifyBot.Routing;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Every card the bot can send, built by the same builders the bot uses. A new card builder adds its
/// cards here, so that the renderer check covers it.
/// </summary>
public static class BotCardCatalog
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var routes = new RouteTable();
        new HelpFeature().MapRoutes(routes);
        var commands = routes.Commands;
        var retry = CardActions.Execute("Try again", RunCommandData.Verb, new RunCommandData("help"));

        yield return ("welcome", HelpCards.Welcome("Alex Wilber"));
        yield return ("welcome-anonymous", HelpCards.Welcome(null));
        yield return ("help", HelpCards.Help(commands, unrecognised: null));
        yield return ("help-unrecognised", HelpCards.Help(commands, unrecognised: "**approve** [all](https://example.com)"));
        yield return ("problem-unexpected", ProblemCards.Unexpected(retry));
        yield return ("problem-unexpected-no-retry", ProblemCards.Unexpected(null));
        yield return ("problem-timed-out", ProblemCards.TimedOut(retry));
        yield return ("problem-outdated-card", ProblemCards.OutdatedCard());
        yield return ("problem-tenant-not-allowed", ProblemCards.TenantNotAllowed());
        yield return ("problem-integrify-unavailable", ProblemCards.IntegrifyUnavailable(retry));

        var personal = new BotRequest(new TurnUser("29:alex", "aad-alex", "Alex Wilber"), new TurnConversation("a:alex", ConversationKind.Personal, "tenant")) { TimeZone = "Europe/Berlin" };
        var channel = personal with { Conversation = new TurnConversation("19:finance", ConversationKind.Channel, "tenant") };
        var page = new Uri("https://integrifybot.example.com/link?state=state-1234");
        foreach (var card in ReportCardCatalog.All(personal, channel))
        {
            yield return card;
        }

        var credential = new IntegrifyCredential { UserName = "alexw", Method = LinkMethod.Password, Jwt = "jwt", LinkedAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero) };
        yield return ("link", LinkCards.Link(personal, page, notice: null));
        yield return ("link-without-page", LinkCards.Link(personal, pageUrl: null, LinkCards.NeedsLink));
        yield return ("link-refused", LinkCards.Link(personal, page, LinkCards.Refused("Wrong tenant, user name or password.", "username and password"), "alexw"));
        yield return ("link-throttled", LinkCards.Link(personal, page, LinkCards.Throttled(new DateTimeOffset(2026, 11, 28, 9, 15, 0, TimeSpan.Zero), personal)));
        yield return ("link-in-channel", LinkCards.Link(channel, pageUrl: null, LinkCards.Expired));
        yield return ("linked", LinkCards.Linked(credential, "https://acme.integrify.com"));
        yield return ("link-status", LinkCards.Status(credential, new CurrentUser { UserName = "alexw", NameFirst = "Alex", NameLast = "Wilber" }, "https://acme.integrify.com", personal));
        yield return ("signed-out", LinkCards.SignedOut(wasLinked: true, relinkAs: null));
        yield return ("signed-out-zero-touch", LinkCards.SignedOut(wasLinked: true, relinkAs: "alexw"));
        yield return ("not-linked-signed-out", LinkCards.SignedOut(wasLinked: false, relinkAs: null));
        yield return ("link-open-page", LinkCards.OpenPage(page));
        yield return ("link-code-refused", LinkCards.CodeRefused());

        var integrify = new Uri("https://acme.integrify.com/");
        var now = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var approval = new TaskItem { RecipientTaskSid = "rt-1", TaskName = "Manager approval", TaskType = "approval", InstanceId = 1001, RequestName = "Laptop for new hire – Jordan", ProcessName = "Purchase Request", DueDate = now.AddDays(-2) };
        var milestone = new TaskItem { RecipientTaskSid = "rt-2", TaskName = "Mark as ordered", TaskType = "milestone", InstanceId = 1007, RequestName = "Monitors", ProcessName = "Purchase Request", DueDate = now.AddDays(3) };
        var form = new TaskItem { RecipientTaskSid = "rt-3", TaskName = "Attach receipts", TaskType = "form", InstanceId = 1006, RequestName = "Conference travel", ProcessName = "Expense Report" };
        var choices = new ApprovalDetails { Choices = [new ApprovalChoice { Value = "approve", Label = "Approve" }, new ApprovalChoice { Value = "deny", Label = "Deny" }], CommentRequiredFor = ["deny"] };
        var taskPage = new TaskListPage(new TaskListView(null, 10), 23, [approval, milestone, form], new Dictionary<string, ApprovalDetails> { ["rt-1"] = choices });
        yield return ("tasks", TaskCards.List(taskPage, personal, integrify, now));
        yield return ("tasks-acted", TaskCards.List(taskPage, personal, integrify, now, new CardNotice("You chose **Approve** on the task on request #1001.", IsProblem: false)));
        yield return ("tasks-refused", TaskCards.List(taskPage, personal, integrify, now, new CardNotice("You can no longer act on the task on request #1001.", IsProblem: true)));
        yield return ("tasks-none", TaskCards.List(new TaskListPage(new TaskListView("invoice"), 0, [], new Dictionary<string, ApprovalDetails>()), personal, integrify, now));
        yield return ("tasks-in-channel-for-everyone", TaskCards.PrivateList(channel, new TaskListView()));
        yield return ("tasks-in-channel-after-an-action", TaskCards.PrivateList(channel, new TaskListView(), "chose **Approve** on the task on request #1001 at 11/28/2026 9:00 AM."));
        yield return ("tasks-in-channel-for-the-asker", TaskCards.List(taskPage, channel, integrify, now));
        var comments = new[] { new RequestComment { Author = "Patti Fernandez", Date = now.AddDays(-1), Comment = "Please add the **vendor** quote." } };
        yield return ("task-detail-approval", TaskCards.Detail(approval with { StartDate = now.AddDays(-4) }, choices with { Instructions = "Check the budget line first." }, comments, new TaskListView(), personal, integrify, now));
        yield return ("task-detail-form", TaskCards.Detail(form, null, [], new TaskListView(), personal, integrify, now, new CardNotice("Your comment was added to the request.", IsProblem: false)));
        yield return ("task-detail-in-channel", TaskCards.Detail(milestone, null, comments, new TaskListView(), channel, integrify, now));
        var requests = new PagedList<RequestSummary>
        {
            Total = 14,
            Items =
            [
                new RequestSummary { Sid = "r-1", Id = 1031, Name = "Security review – new laptop", ProcessName = "IT Access", Status = "Started", LastMilestone = "Manager approved", LastMilestoneDate = now.AddDays(-1), CreatedDate = now.AddDays(-3) },
                new RequestSummary { Sid = "r-2", Id = 1028, Name = "Time off 23–27 Dec", ProcessName = "Time Off", Status = "Completed", CreatedDate = now.AddDays(-30) },
            ],
        };
        var detailOf = new RequestDetails { Sid = "r-1", Id = 1031, Name = "Security review – new laptop", ProcessName = "IT Access", Status = "Started", CreatedDate = now.AddDays(-3), OpenTasks = [new OpenTask { TaskName = "Security review", AssignedTo = "Isaiah Langer", DueDate = now.AddDays(2) }] };
        yield return ("requests", RequestCards.List(requests, new RequestListView(), personal));
        yield return ("requests-none", RequestCards.List(new PagedList<RequestSummary>(), new RequestListView("x"), channel));
        yield return ("request-detail", RequestCards.Detail(detailOf, new RequestListView(), personal, integrify));
        yield return ("request-cancel-confirm", RequestCards.Detail(detailOf, new RequestListView(), personal, integrify, confirmCancel: true));
        yield return ("request-canceled", RequestCards.Detail(detailOf with { Status = "Canceled", OpenTasks = [] }, new RequestListView(), personal, integrify, new CardNotice("You canceled the request.", IsProblem: false)));
        var processes = new[] { new SearchResult { Sid = "p-1", Name = "Time Off", Description = "Ask for days off; your manager approves." }, new SearchResult { Sid = "p-2", Name = "Purchase Request", Description = "Buy something for work." } };
        var pick = new PickProcessData("p-1", "Time Off");
        yield return ("request-processes", RequestCards.Processes(processes, "time"));
        yield return ("request-processes-none", RequestCards.Processes([], "zzz"));
        yield return ("request-name-it", RequestCards.NameIt(pick, "Time Off – Alex – 11/28/2026", "start-1"));
        yield return ("request-name-refused", RequestCards.NameIt(pick, "Time Off", "start-1", "Integrify did not start it: permission denied."));
        yield return ("request-started-mine-next", RequestCards.JustStarted(new StartedRequest { InstanceSid = "i-1", InstanceId = 1032, NextTasks = [new NextTask { RecipientTaskSid = "rt-9", TaskName = "Attach receipts", AssignedToMe = true }] }, "Time off 2–6 March", integrify));
        yield return ("request-started", RequestCards.JustStarted(new StartedRequest { InstanceSid = "i-1", InstanceId = 1032, NextTasks = [new NextTask { TaskName = "Manager approval" }] }, "Time off 2–6 March", integrify));
        var renewal = new StartedRequest { InstanceSid = "i-2", InstanceId = 1033, NextTasks = [new NextTask { RecipientTaskSid = "rt-10", TaskName = "Confirm the renewal quote", AssignedToMe = true }] };
        var quote = new TaskItem { RecipientTaskSid = "rt-10", TaskName = "Confirm the renewal quote", TaskType = "approval", InstanceId = 1033, RequestName = "Figma renewal 2027", ProcessName = "Software Renewal", DueDate = now.AddDays(2) };
        var quoteChoices = choices with { Choices = [new ApprovalChoice { Value = "Approve", Label = "Approve" }, new ApprovalChoice { Value = "Reject", Label = "Reject" }], CommentRequiredFor = ["Reject"], Instructions = "Check the vendor's quote: the number of seats, the price and the term." };
        yield return ("request-started-approval-yours", RequestCards.JustStarted(renewal, "Figma renewal 2027", new ActionableTask(quote, quoteChoices), personal, integrify, now));
        var policy = quote with { RecipientTaskSid = "rt-11", TaskName = "Read the acceptable use policy", TaskType = "openUrl", RequestName = "Miro access", ProcessName = "IT Access" };
        yield return ("request-started-open-url-yours", RequestCards.JustStarted(renewal, "Miro access", new ActionableTask(policy, null), personal, integrify, now));
        var details = quote with { RecipientTaskSid = "rt-12", TaskName = "Complete purchase details", TaskType = "form", RequestName = "Docking station", ProcessName = "Purchase Request", DueDate = null };
        yield return ("request-started-form-yours", RequestCards.JustStarted(renewal, "Docking station", new ActionableTask(details, null), channel, integrify, now));
        yield return ("task-comment-needed", TaskCards.CommentNeeded(new ApproveTaskData("rt-1", "deny", 1001), "Deny"));
        yield return ("task-reassign-search", ReassignCards.Search(approval, new TaskListView(), typed: null, found: null, total: 0));
        DirectoryUser[] megans =
        [
            new() { Sid = "00000000-0000-0000-0000-0000000000b1", NameFirst = "Megan", NameLast = "Bowen", Title = "HR Manager", Email = "meganb@example.com" },
            new() { Sid = "00000000-0000-0000-0000-0000000000b2", NameFirst = "Megan", NameLast = "O'Neil <b>", Email = "megano@example.com" },
        ];
        yield return ("task-reassign-found", ReassignCards.Search(approval, new TaskListView("laptop", 10), "megan", megans, total: 14, new CardNotice("Integrify did not reassign the task: The task is already assigned to you.", IsProblem: true)));
        yield return ("task-reassign-nobody", ReassignCards.Search(approval, new TaskListView(), "**nobody**", [], total: 0));
        yield return ("task-reassigned", ReassignCards.Reassigned(approval, "Megan Bowen", now, "Away until the 20th [see](https://example.com)", new TaskListView(), personal));
        yield return ("task-reassign-no-longer-open", ReassignCards.NoLongerOpen(new TaskListView()));
        SeveralCandidate[] several = [new(approval, NeedsComment: false), new(approval with { RecipientTaskSid = "rt-7", InstanceId = 1007, RequestName = "Standing desk <b>", DueDate = now.AddHours(-2) }, NeedsComment: true)];
        yield return ("tasks-several-checklist", SeveralCards.Checklist(ChoiceMeaning.Approve, several, more: true, new TaskListView("desk"), personal, now));
        yield return ("tasks-several-comment-asked", SeveralCards.Checklist(ChoiceMeaning.Reject, several, more: false, new TaskListView(), personal, now, new CardNotice("Integrify asks for a comment with this choice on #1007.", IsProblem: true), picked: ["rt-1", "rt-7"], commentRequired: true));
        yield return ("tasks-several-none", SeveralCards.Checklist(ChoiceMeaning.SendBack, [], more: false, new TaskListView(), personal, now));
        OfferedTask[] decided = [new("rt-1", 1001, "Laptop for new hire – Jordan"), new("rt-7", 1007, "Standing desk **x**"), new("rt-8", null, null)];
        yield return ("tasks-several-in-progress", SeveralCards.Result(ChoiceMeaning.Approve, [(decided[0], new CardNotice("You chose **Approve** at 10:02.", false, "chose **Approve** on the task on request #1001.")), (decided[1], null), (decided[2], null)], "Fine by me [x](https://example.com)", new TaskListView()));
        yield return ("tasks-several-result", SeveralCards.Result(ChoiceMeaning.Approve, [(decided[0], new CardNotice("You chose **Approve** at 10:02.", false, "chose **Approve** on the task on request #1001.")), (decided[1], TaskNotices.AlreadyCompleted(1007, "Megan Bowen", now, "Approve", personal)), (decided[2], TaskNotices.NoLongerYours(null))], comment: null, new TaskListView()));
        yield return ("task-assigned-approval", TaskCards.Assigned(new ActionableTask(approval with { StartDate = now }, choices with { Instructions = "Check the budget line first." }), "Please decide by **Friday**: [budget](https://example.com)", personal, integrify, now));
        yield return ("task-assigned-milestone", TaskCards.Assigned(new ActionableTask(milestone, null), message: null, personal, integrify, now));
        yield return ("task-assigned-form", TaskCards.Assigned(new ActionableTask(form, null), message: null, personal with { TimeZone = null }, integrify, now));
        var sharedTask = new SharedCardRef(SharedCardKind.Task, "rt-1", "r-1");
        var sharedRequest = new SharedCardRef(SharedCardKind.Request, "r-1");
        var group = personal with { Conversation = new TurnConversation("19:group", ConversationKind.GroupChat, "tenant") };
        yield return ("shared-task-posted", SharedCards.Task("rt-1", "r-1"));
        yield return ("shared-request-posted", SharedCards.Request("r-1"));
        yield return ("shared-task-assignee", SharedCards.Assignee(new ActionableTask(approval, choices with { Instructions = "Check the budget line first." }), request: null, sharedTask, group, integrify, now, notice: null));
        yield return ("shared-request-assignee-acted", SharedCards.Assignee(new ActionableTask(milestone, null), detailOf, sharedRequest, group, integrify, now, new CardNotice("You completed the task on request #1007.", IsProblem: false)));
        yield return ("shared-task-status", SharedCards.Status(detailOf, sharedTask, group, new Uri(integrify, "#/section-dashboard/request/r-1"), notice: null));
        yield return ("shared-request-status", SharedCards.Status(detailOf with { LastMilestone = "Manager approved", LastMilestoneDate = now }, sharedRequest, group, new Uri(integrify, "#/section-dashboard/request/r-1"), notice: null));
        yield return ("shared-not-visible", SharedCards.NotVisible(sharedRequest));
        yield return ("shared-not-linked", SharedCards.NotLinked(sharedTask));
        yield return ("shared-comment-needed", TaskCards.CommentNeeded(new ApproveTaskData("rt-1", "deny", 1001, Shared: sharedTask), "Deny"));
        yield return ("process-invitation", RequestCards.Invitation(processes[0]));
        yield return ("start-request-dialog", RequestDialogCards.Form(processes, new StartDialogData(ProcessSid: null, "Can we get new chairs?", Post: null, StartDialogData.NewStartId())));
        yield return ("start-request-dialog-refused", RequestDialogCards.Form(processes, new StartDialogData("p-1", "Time off", Post: "false", StartDialogData.NewStartId()), "Integrify did not start it: permission denied."));
        static NotificationSettings Settings(bool enabled = true, int? digestHour = null, string? timeZone = "Europe/Berlin") =>
            new() { TeamsTenantId = "t", UserKey = "u", Enabled = enabled, DigestHour = digestHour, TimeZone = timeZone };
        yield return ("notifications-on", NotificationCards.Settings(Settings(), linked: true, personal, notice: null));
        yield return ("notifications-digest", NotificationCards.Settings(Settings(digestHour: 8), linked: true, personal, new CardNotice("Your daily digest comes at 8:00 AM, when anything is due or overdue.", IsProblem: false)));
        yield return ("notifications-off", NotificationCards.Settings(Settings(enabled: false), linked: true, personal, new CardNotice("Notifications are off: I won't message you about new tasks.", IsProblem: false)));
        yield return ("notifications-link-broken", LinkBrokenCard.Build());
        yield return ("notifications-not-linked", NotificationCards.Settings(Settings(timeZone: null), linked: false, personal, new CardNotice("Send **notifications on** or **notifications off**.", IsProblem: true)));
        var dueToday = new TaskListPage(new TaskListView(), 12, [approval with { DueDate = now.AddHours(-30) }, milestone with { DueDate = now.AddHours(3) }, form with { DueDate = now.AddHours(5) }], new Dictionary<string, ApprovalDetails> { [approval.RecipientTaskSid] = choices });
        yield return ("notifications-digest-card", DigestCards.Daily(new DueTasks(dueToday, Overdue: 4), personal, integrify, now));
    }
}
