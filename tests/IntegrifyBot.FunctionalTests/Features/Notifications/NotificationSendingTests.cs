using Integrify.Simulator;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Queued notifications through the real sender, the real adapter and the simulator: the task's
/// card with its buttons arrives in Alex's personal chat, once; a task that is not his to act on
/// any more, or a user who cannot be reached, is settled without a message and with the reason.
/// </summary>
public sealed class NotificationSendingTests : NotifiedAlexTests
{
    [Fact]
    public async Task A_new_task_arrives_in_alexs_personal_chat_and_approving_from_it_completes_it_once()
    {
        var task = AssignToAlex();

        await QueueAsync(task.RecipientTaskSid, "Please decide by **Friday**: [details](https://evil.example)");

        var sent = await Bot.Connector.NextAsync();
        Assert.Equal(("POST", TeamsActivities.PersonalConversationId, (string?)null), (sent.Method, sent.ConversationId, sent.ActivityId));
        Assert.True(sent.Activity.GetProperty("channelData").GetProperty("notification").GetProperty("alert").GetBoolean(), "Teams shows it in the activity feed too.");
        var texts = LinkingBot.Texts(sent.Card);
        Assert.Contains("New task for you", texts, StringComparison.Ordinal);
        Assert.Contains(@"Please decide by \*\*Friday\*\*: \[details\](https://evil.example)", texts, StringComparison.Ordinal);
        Assert.Contains(task.TaskName, texts, StringComparison.Ordinal);
        Assert.Contains($"#{task.InstanceId} · Laptop for Sam", texts, StringComparison.Ordinal);
        Assert.Equal(["Approve", "Reject", "Request changes", "Reassign", "Details"], Titles(sent.Card.GetProperty("actions")));
        var row = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Sent);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(1, await Metrics.ReachedAsync("integrifybot.notifications.sent", 1));

        var answer = await Bot.ClickAsync("task.approve", Data(Action(sent.Card.GetProperty("actions"), "Approve")));

        Assert.Contains($"You chose **Approve** on the task on request #{task.InstanceId}", LinkingBot.Texts(answer), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Completions(task.RecipientTaskSid));
        Assert.True(Bot.Connector.IsIdle, "The notification is sent once.");
    }

    [Fact]
    public async Task The_card_writes_dates_in_the_locale_and_zone_alexs_teams_last_reported()
    {
        var german = TeamsActivities.Message(Bot.Connector.ServiceUrl, "help");
        german["locale"] = "de-DE";
        await Bot.SendAsync(german);
        Assert.Equal("de-DE", (await Bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None)).Locale);
        var due = new DateTimeOffset(2031, 3, 14, 15, 30, 0, TimeSpan.Zero);
        var task = Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = "Laptop for Sam", DueDate = due });

        await QueueAsync(task.RecipientTaskSid);

        // 15:30 UTC is 16:30 in Berlin in March, written the German way.
        var texts = LinkingBot.Texts((await Bot.Connector.NextAsync()).Card);
        Assert.Contains("14.03.2031 16:30", texts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_name_notifications_by_id_and_never_show_what_the_task_is()
    {
        var task = AssignToAlex();

        await QueueAsync(task.RecipientTaskSid, "Budget line 4711");
        await Bot.Connector.NextAsync();
        await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Sent);

        Assert.Contains(Bot.Logs.Lines, line => line.Contains("Sent notification", StringComparison.Ordinal));
        Assert.DoesNotContain(Bot.Logs.Lines, line => line.Contains("Laptop for Sam", StringComparison.Ordinal) || line.Contains("4711", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_milestone_arrives_with_complete_and_details()
    {
        var task = AssignToAlex("milestone");

        await QueueAsync(task.RecipientTaskSid);

        var card = (await Bot.Connector.NextAsync()).Card;
        Assert.Equal(["Complete", "Open in Integrify", "Reassign", "Details"], Titles(card.GetProperty("actions")));
        var details = await Bot.ClickAsync("task.open", Data(Action(card.GetProperty("actions"), "Details")));
        Assert.Contains("Laptop for Sam", LinkingBot.Texts(details), StringComparison.Ordinal);

        // Reassign right from the message: the people search for this task.
        var reassign = await Bot.ClickAsync("task.reassign", Data(Action(card.GetProperty("actions"), "Reassign")));
        Assert.Contains("Laptop for Sam", LinkingBot.Texts(reassign), StringComparison.Ordinal);
        Assert.Contains("colleague", LinkingBot.Inputs(reassign).Keys);
    }

    [Fact]
    public async Task With_notifications_off_nothing_is_sent_and_with_them_on_again_new_tasks_are()
    {
        Assert.Contains("Notifications are off", LinkingBot.Texts(await Bot.SayAsync("notifications off")), StringComparison.Ordinal);
        var whileOff = AssignToAlex();

        await QueueAsync(whileOff.RecipientTaskSid);

        var dead = await RowAsync(whileOff.RecipientTaskSid, row => row.State == NotificationState.Dead);
        Assert.Equal("the user turned notifications off", dead.LastError);
        Assert.True(Bot.Connector.IsIdle);
        Assert.Equal(1, await Metrics.ReachedAsync("integrifybot.notifications.dead{reason=notifications-off}", 1));

        Assert.Contains("Notifications are on", LinkingBot.Texts(await Bot.SayAsync("notifications on")), StringComparison.Ordinal);
        var whileOn = AssignToAlex();
        await QueueAsync(whileOn.RecipientTaskSid);

        Assert.Contains("New task for you", LinkingBot.Texts((await Bot.Connector.NextAsync()).Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_completed_before_it_was_sent_is_not_announced()
    {
        var task = AssignToAlex();
        Bot.Simulator.Control.CompleteTask(task.RecipientTaskSid);

        await QueueAsync(task.RecipientTaskSid);

        var dead = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Dead);
        Assert.Equal("the task is no longer open for the user", dead.LastError);
        Assert.True(Bot.Connector.IsIdle);
    }

    [Fact]
    public async Task Without_the_app_installed_there_is_nowhere_to_send()
    {
        await Bot.Service<IntegrifyBot.Storage.ConversationAddresses>().RetireAsync(LinkingBot.Alex, TeamsActivities.PersonalConversationId, CancellationToken.None);
        var task = AssignToAlex();

        await QueueAsync(task.RecipientTaskSid);

        var dead = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Dead);
        Assert.Equal("the app is not installed for the user", dead.LastError);
        Assert.True(Bot.Connector.IsIdle);
    }

    [Fact]
    public async Task A_revoked_link_is_not_worked_around_the_notification_is_dead_with_why()
    {
        var task = AssignToAlex();
        Bot.Simulator.Control.ExpireTokens("alexw");

        await QueueAsync(task.RecipientTaskSid);

        var dead = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Dead);
        Assert.Equal("the user's Integrify link has expired or was revoked", dead.LastError);
        Assert.True(Bot.Connector.IsIdle);
    }

    [Fact]
    public async Task While_integrify_is_unavailable_the_notification_waits_without_using_up_its_attempts()
    {
        var task = AssignToAlex();
        Bot.Simulator.Faults.Add(new FaultSpec { Status = 503 });

        await QueueAsync(task.RecipientTaskSid);

        var waiting = await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Failed);
        Assert.Equal((0, "Integrify is unavailable"), (waiting.Attempts, waiting.LastError));
        Assert.Equal(1, await Metrics.ReachedAsync("integrifybot.notifications.failed{cause=integrify}", 1));

        Bot.Simulator.Faults.Clear();
        RetryNow();

        Assert.Contains("New task for you", LinkingBot.Texts((await Bot.Connector.NextAsync()).Card), StringComparison.Ordinal);
        await RowAsync(task.RecipientTaskSid, row => row.State == NotificationState.Sent);
    }
}
