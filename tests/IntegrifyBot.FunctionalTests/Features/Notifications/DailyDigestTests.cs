using Integrify.Simulator;
using IntegrifyBot.Features.Notifications;
using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Alex's daily digest through /api/messages, the real scheduler, the real sender and the simulator:
/// he picks an hour, which is his own in Europe/Berlin (his Teams client's zone); at that hour one
/// digest a day is queued, and what it lists is read from Integrify when it is sent. The scheduler's
/// own look is made rare, so that each look here is the test's.
/// </summary>
public sealed class DailyDigestTests : NotifiedAlexTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Notifications:DigestCheckInterval"] = "01:00:00" };

    [Theory]
    [InlineData("notifications digest 8am", 8, "8:00 AM")]
    [InlineData("Notifications digest 17:00", 17, "5:00 PM")]
    [InlineData("notify digest 0", 0, "12:00 AM")]
    public async Task Notifications_digest_sets_the_hour_in_alexs_time_zone(string typed, int hour, string shown)
    {
        var card = await Bot.SayAsync(typed);

        Assert.Contains($"Your daily digest comes at {shown}", Plain(card), StringComparison.Ordinal);
        Assert.Contains($"**Daily digest at {shown}** (Europe/Berlin)", Plain(card), StringComparison.Ordinal);
        Assert.Equal(hour.ToString(System.Globalization.CultureInfo.InvariantCulture), LinkingBot.Inputs(card)[NotificationVerbs.DigestHourInput].GetProperty("value").GetString());
        var settings = await SettingsAsync();
        Assert.Equal(hour, settings.DigestHour);
        Assert.Equal("Europe/Berlin", settings.TimeZone);
    }

    [Fact]
    public async Task The_hour_is_picked_in_the_settings_card_and_off_removes_the_digest()
    {
        var shown = await Bot.SayAsync("notifications");
        var choice = LinkingBot.Inputs(shown)[NotificationVerbs.DigestHourInput];
        Assert.Equal(25, choice.GetProperty("choices").GetArrayLength());
        Assert.Equal(DigestHours.Off, choice.GetProperty("value").GetString());
        var save = Action(shown.GetProperty("actions"), "Save digest");

        var picked = Data(save);
        picked[NotificationVerbs.DigestHourInput] = "7";
        var saved = await Bot.ClickAsync(NotificationVerbs.Digest, picked);

        Assert.Contains("Your daily digest comes at 7:00 AM", Plain(saved), StringComparison.Ordinal);
        Assert.Equal(7, (await SettingsAsync()).DigestHour);
        var off = Data(Action(saved.GetProperty("actions"), "Save digest"));
        off[NotificationVerbs.DigestHourInput] = DigestHours.Off;
        Assert.Contains("No more daily digest.", LinkingBot.Texts(await Bot.ClickAsync(NotificationVerbs.Digest, off)), StringComparison.Ordinal);
        Assert.Null((await SettingsAsync()).DigestHour);
    }

    [Theory]
    [InlineData("notifications digest 25")]
    [InlineData("notifications digest 13pm")]
    [InlineData("notifications digest soon")]
    public async Task An_hour_that_is_not_one_is_asked_again_and_changes_nothing(string typed)
    {
        var card = await Bot.SayAsync(typed);

        Assert.Contains("Say the hour of your daily digest", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Null((await SettingsAsync()).DigestHour);
    }

    [Fact]
    public async Task A_digest_chosen_while_notifications_are_off_is_kept_and_alex_is_told_it_waits_for_them()
    {
        await Bot.SayAsync("notifications off");

        var card = await Bot.SayAsync("notifications digest 9");

        Assert.Contains("Your daily digest is set for 9:00 AM, but notifications are off: turn them on to get it.", Plain(card), StringComparison.Ordinal);
        Assert.Equal(9, (await SettingsAsync()).DigestHour);
    }

    [Fact]
    public async Task The_digest_is_queued_at_its_hour_in_alexs_zone_and_once_a_day()
    {
        var hour = await ChooseNextHourAsync();
        var scheduler = Bot.Service<DigestScheduler>();
        Assert.Equal(0, await scheduler.ScheduleDueAsync(CancellationToken.None));

        var day = AdvanceToHour(hour);
        Assert.Equal(1, await scheduler.ScheduleDueAsync(CancellationToken.None));
        Assert.Equal(0, await scheduler.ScheduleDueAsync(CancellationToken.None));

        Bot.Clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(0, await scheduler.ScheduleDueAsync(CancellationToken.None));
        Bot.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(1, await scheduler.ScheduleDueAsync(CancellationToken.None));

        await using var database = await Bot.DatabaseAsync();
        var digests = await database.Notifications.AsNoTracking().Where(row => row.Source == NotificationSource.Digest).Select(row => row.RecipientTaskSid).ToListAsync();
        Assert.Equal([DailyDigest.KeyFor(day), DailyDigest.KeyFor(day.AddDays(1))], digests.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_hour_already_past_today_starts_tomorrow()
    {
        var now = TimeZoneInfo.ConvertTime(Bot.Clock.GetUtcNow(), Berlin);
        await Bot.SayAsync($"notifications digest {now.Hour}");

        Assert.Equal(0, await Bot.Service<DigestScheduler>().ScheduleDueAsync(CancellationToken.None));

        Bot.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Bot.Service<DigestScheduler>().ScheduleDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task With_notifications_off_no_digest_is_queued()
    {
        var hour = await ChooseNextHourAsync();
        await Bot.SayAsync("notifications off");

        AdvanceToHour(hour);

        Assert.Equal(0, await Bot.Service<DigestScheduler>().ScheduleDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_digest_lists_what_is_due_by_the_end_of_alexs_day_and_approving_from_it_works()
    {
        var hour = await ChooseNextHourAsync();
        var day = AdvanceToHour(hour);
        var now = Bot.Clock.GetUtcNow();
        var endOfDay = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Berlin));
        var overdue = Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = "Overdue laptop", DueDate = now.AddHours(-3) });
        var later = Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", TaskType = "milestone", RequestName = "Later today", DueDate = now + ((endOfDay - now) / 2) });
        var tomorrow = Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = "Tomorrow's", DueDate = endOfDay.AddHours(2) });
        var undated = Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = "Whenever", NoDueDate = true });

        // What Integrify holds for Alex decides what the digest should say, seeded tasks included.
        var due = Bot.Simulator.Control.OpenTasks("alexw").Where(task => task.DueDate < endOfDay).OrderBy(task => task.DueDate).ToList();
        var expectedOverdue = due.Count(task => task.DueDate < now);
        Assert.Equal(1, await Bot.Service<DigestScheduler>().ScheduleDueAsync(CancellationToken.None));

        var sent = await Bot.Connector.NextAsync();

        var texts = LinkingBot.Texts(sent.Card);
        Assert.Contains("Your tasks for today", texts, StringComparison.Ordinal);
        Assert.Contains($"{expectedOverdue} overdue · {due.Count - expectedOverdue} due today", texts, StringComparison.Ordinal);
        Assert.Equal(due.Take(DigestCards.MaxTasks).Select(task => $"#{task.InstanceId}").ToList(), TaskBlocks(sent.Card).Select(RequestNumber).ToList());
        Assert.Contains($"#{overdue.InstanceId}", texts, StringComparison.Ordinal);
        Assert.Contains($"#{later.InstanceId}", texts, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{tomorrow.InstanceId} ", texts, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{undated.InstanceId} ", texts, StringComparison.Ordinal);
        Assert.True(sent.Activity.GetProperty("channelData").GetProperty("notification").GetProperty("alert").GetBoolean());
        Assert.Equal(["Complete", "Open in Integrify", "Details", "Reassign"], ButtonsOf(sent.Card, $"#{later.InstanceId}"));
        await RowAsync(DailyDigest.KeyFor(day), row => row.State == NotificationState.Sent);

        var answer = await Bot.ClickAsync("task.approve", Data(Button(sent.Card, $"#{overdue.InstanceId}", "Approve")));

        Assert.Contains($"You chose **Approve** on the task on request #{overdue.InstanceId}", LinkingBot.Texts(answer), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Completions(overdue.RecipientTaskSid));
        Assert.True(Bot.Connector.IsIdle, "One digest a day.");
    }

    [Fact]
    public async Task With_nothing_due_no_digest_is_sent()
    {
        var hour = await ChooseNextHourAsync();
        var day = AdvanceToHour(hour);
        var endOfDay = DigestSchedule.EndOf(day, "Europe/Berlin");
        foreach (var task in Bot.Simulator.Control.OpenTasks("alexw").Where(task => task.DueDate < endOfDay))
        {
            Bot.Simulator.Control.CompleteTask(task.RecipientTaskSid);
        }

        Bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw", RequestName = "Next week's", DueDate = endOfDay.AddDays(6) });

        Assert.Equal(1, await Bot.Service<DigestScheduler>().ScheduleDueAsync(CancellationToken.None));

        var row = await RowAsync(DailyDigest.KeyFor(day), row => row.State == NotificationState.Dead);
        Assert.Equal("nothing was due or overdue that day", row.LastError);
        Assert.True(Bot.Connector.IsIdle);
        Assert.Equal(1, await Metrics.ReachedAsync("integrifybot.notifications.dead{reason=nothing-due}", 1));
    }

    [Fact]
    public async Task A_digest_held_back_past_its_day_is_not_sent()
    {
        await ChooseNextHourAsync();
        var yesterday = DigestSchedule.Today("Europe/Berlin", Bot.Clock.GetUtcNow()).AddDays(-1);

        Assert.True(await Bot.Service<NotificationOutbox>().EnqueueAsync(LinkingBot.Alex, DailyDigest.KeyFor(yesterday), NotificationSource.Digest, message: null, CancellationToken.None));
        Bot.Service<NotificationSignal>().Wake();

        var row = await RowAsync(DailyDigest.KeyFor(yesterday), row => row.State == NotificationState.Dead);
        Assert.Equal("the digest's day has passed", row.LastError);
        Assert.True(Bot.Connector.IsIdle);
    }

    /// <summary>Alex picks the hour after the present one in Berlin: today's digest is then still to come.</summary>
    private async Task<int> ChooseNextHourAsync()
    {
        var hour = (TimeZoneInfo.ConvertTime(Bot.Clock.GetUtcNow(), Berlin).Hour + 1) % 24;
        Assert.Contains("Your daily digest comes at", LinkingBot.Texts(await Bot.SayAsync($"notifications digest {hour}")), StringComparison.Ordinal);
        return hour;
    }

    /// <summary>Moves the clock to the next time it is <paramref name="hour"/>:00 in Berlin (a minute past); that day.</summary>
    private DateOnly AdvanceToHour(int hour)
    {
        var local = TimeZoneInfo.ConvertTime(Bot.Clock.GetUtcNow(), Berlin);
        var target = local.Date.AddHours(hour).AddMinutes(1);
        if (target <= local.DateTime)
        {
            target = target.AddDays(1);
        }

        Bot.Clock.Advance(TimeZoneInfo.ConvertTimeToUtc(target, Berlin) - Bot.Clock.GetUtcNow().UtcDateTime);
        return DateOnly.FromDateTime(target);
    }

    private Task<NotificationSettings> SettingsAsync() =>
        Bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None);

    /// <summary>The card's texts with the narrow space .NET's en-US puts before AM and PM made a plain one.</summary>
    private static string Plain(System.Text.Json.JsonElement card) => LinkingBot.Texts(card).Replace('\u202F', ' ');

    private static string RequestNumber(string blockText) => blockText[blockText.IndexOf('#', StringComparison.Ordinal)..].Split(' ')[0];
}
