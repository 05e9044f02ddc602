using IntegrifyBot.TestInfrastructure;
using System.Net;
using System.Text.Json;
using Integrify.Simulator;
using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Integrify's push, over real HTTP to the real bot in demo mode, with Alex linked to the simulator's
/// alexw and a task just assigned to him there. What the push did is read in the outbox.
/// </summary>
public sealed class PushEndpointTests : IAsyncLifetime
{
    private LinkingBot bot = null!;
    private string taskSid = null!;

    public async Task InitializeAsync()
    {
        // Polling off: what is in the outbox is what the pushes put there.
        bot = await LinkingBot.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:PushSecret"] = PushCalls.Secret,
            ["Notifications:PollingEnabled"] = "false",
            ["Notifications:SendingEnabled"] = "false",
        });
        await bot.LinkAlexAsync();
        taskSid = bot.Simulator.Control.AssignTask(new TaskAssignment { UserName = "alexw" }).RecipientTaskSid;
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_signed_push_queues_the_task_for_the_linked_user_at_once_and_wakes_the_sender()
    {
        var body = PushCalls.Body("alexw", taskSid, "Please approve before Friday's board meeting.");
        using var push = PushCalls.SignedPush(body, bot.Clock.GetUtcNow());

        using var response = await bot.Client.SendAsync(push);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await QueuedAsync(response));
        var row = Assert.Single(await OutboxAsync());
        Assert.Equal((LinkingBot.Alex.TeamsTenantId, LinkingBot.Alex.UserId), (row.TeamsTenantId, row.UserKey));
        Assert.Equal(taskSid, row.RecipientTaskSid);
        Assert.Equal(NotificationSource.Push, row.Source);
        Assert.Equal(NotificationState.Pending, row.State);
        Assert.Equal("Please approve before Friday's board meeting.", row.Message);

        // Sending is off in this bot, so the wake-up is still there to take.
        Assert.True(await bot.Service<NotificationSignal>().WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task The_log_says_what_happened_in_one_line_without_the_secret_the_signature_or_the_message()
    {
        var body = PushCalls.Body("alexw", taskSid, "Confidential: the Contoso merger");
        using var push = PushCalls.SignedPush(body, bot.Clock.GetUtcNow());
        var signature = push.Headers.GetValues("X-Integrify-Signature").Single();

        using var response = await bot.Client.SendAsync(push);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var line = Assert.Single(bot.Logs.Lines, line => line.Contains("Integrify pushed", StringComparison.Ordinal));
        Assert.Contains($"Integrify pushed recipient task {taskSid} (authenticated by signature): 1 linked Teams user(s), 1 notification(s) queued", line, StringComparison.Ordinal);
        var all = string.Join('\n', bot.Logs.Lines);
        Assert.DoesNotContain(PushCalls.Secret, all, StringComparison.Ordinal);
        Assert.DoesNotContain(signature["sha256=".Length..], all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Contoso merger", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_signed_with_another_secret_or_changed_on_the_way_gets_401_and_queues_nothing()
    {
        var body = PushCalls.Body("alexw", taskSid);
        var now = bot.Clock.GetUtcNow();
        var timestamp = PushCalls.Timestamp(now);
        using var otherSecret = PushCalls.SignedPush(body, now, PushCalls.Signature(timestamp, body, "another-secret-of-the-same-length-0123456789abcdef0123456789abcd"));
        using var changedBody = PushCalls.SignedPush(PushCalls.Body("meganb", taskSid), now, PushCalls.Signature(timestamp, body));
        using var changedTime = PushCalls.SignedPush(body, now.AddSeconds(1), PushCalls.Signature(timestamp, body));
        using var notHex = PushCalls.SignedPush(body, now, "sha256=" + new string('z', 64));

        foreach (var push in new[] { otherSecret, changedBody, changedTime, notHex })
        {
            using var response = await bot.Client.SendAsync(push);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("signature", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(await OutboxAsync());
        Assert.False(await bot.Service<NotificationSignal>().WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_push_without_its_headers_gets_401()
    {
        var body = PushCalls.Body("alexw", taskSid);
        var timestamp = PushCalls.Timestamp(bot.Clock.GetUtcNow());
        using var none = PushCalls.BarePush(body);
        using var noTimestamp = PushCalls.BarePush(body);
        noTimestamp.Headers.Add("X-Integrify-Signature", PushCalls.Signature(timestamp, body));
        using var noSignature = PushCalls.BarePush(body);
        noSignature.Headers.Add("X-Integrify-Timestamp", timestamp);

        // The REST Client's bearer secret is off unless the operator turns it on.
        using var bearer = PushCalls.BearerPush(body);

        foreach (var push in new[] { none, noTimestamp, noSignature, bearer })
        {
            using var response = await bot.Client.SendAsync(push);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task A_push_signed_more_than_the_tolerance_away_from_now_gets_401_stale()
    {
        var body = PushCalls.Body("alexw", taskSid);
        var now = bot.Clock.GetUtcNow();
        using var old = PushCalls.SignedPush(body, now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(2));
        using var future = PushCalls.SignedPush(body, now + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));

        foreach (var push in new[] { old, future })
        {
            using var response = await bot.Client.SendAsync(push);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("stale", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task A_push_sent_again_is_refused_with_409_and_the_task_is_queued_once()
    {
        var body = PushCalls.Body("alexw", taskSid);
        var now = bot.Clock.GetUtcNow();
        using var first = PushCalls.SignedPush(body, now);
        var signature = first.Headers.GetValues("X-Integrify-Signature").Single();
        using var again = PushCalls.SignedPush(body, now, signature);

        using var accepted = await bot.Client.SendAsync(first);
        bot.Clock.Advance(TimeSpan.FromMinutes(4));
        using var replayed = await bot.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Single(await OutboxAsync());
    }

    [Fact]
    public async Task The_same_task_pushed_again_with_a_new_signature_is_accepted_and_not_queued_twice()
    {
        var body = PushCalls.Body("alexw", taskSid);
        using var first = PushCalls.SignedPush(body, bot.Clock.GetUtcNow());
        using var second = PushCalls.SignedPush(body, bot.Clock.GetUtcNow().AddSeconds(30));

        using var one = await bot.Client.SendAsync(first);
        using var two = await bot.Client.SendAsync(second);

        Assert.Equal((HttpStatusCode.Accepted, 1), (one.StatusCode, await QueuedAsync(one)));
        Assert.Equal((HttpStatusCode.Accepted, 0), (two.StatusCode, await QueuedAsync(two)));
        Assert.Single(await OutboxAsync());
    }

    [Fact]
    public async Task A_username_nobody_linked_answers_202_with_nothing_queued_and_case_does_not_matter()
    {
        using var nobody = PushCalls.SignedPush(PushCalls.Body("meganb", taskSid), bot.Clock.GetUtcNow());
        using var shouted = PushCalls.SignedPush(PushCalls.Body("ALEXW", taskSid.ToUpperInvariant()), bot.Clock.GetUtcNow());

        using var forMegan = await bot.Client.SendAsync(nobody);
        using var forAlex = await bot.Client.SendAsync(shouted);

        Assert.Equal((HttpStatusCode.Accepted, 0), (forMegan.StatusCode, await QueuedAsync(forMegan)));
        Assert.Equal((HttpStatusCode.Accepted, 1), (forAlex.StatusCode, await QueuedAsync(forAlex)));
        Assert.Equal(taskSid, Assert.Single(await OutboxAsync()).RecipientTaskSid);
    }

    [Fact]
    public async Task Someone_who_turned_notifications_off_is_not_queued_and_the_push_still_succeeds()
    {
        await bot.Service<NotificationPreferences>().UpdateAsync(LinkingBot.Alex, settings => settings.Enabled = false, CancellationToken.None);

        using var response = await bot.Client.SendAsync(PushCalls.SignedPush(PushCalls.Body("alexw", taskSid), bot.Clock.GetUtcNow()));

        Assert.Equal((HttpStatusCode.Accepted, 0), (response.StatusCode, await QueuedAsync(response)));
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task An_oversized_push_gets_413_even_when_signed_whether_or_not_it_says_its_length()
    {
        var body = PushCalls.Body("alexw", taskSid, new string('x', 9 * 1024));
        using var withLength = PushCalls.SignedPush(body, bot.Clock.GetUtcNow());
        using var chunked = PushCalls.SignedPush(body, bot.Clock.GetUtcNow());
        chunked.Headers.TransferEncodingChunked = true;

        using var announced = await bot.Client.SendAsync(withLength);
        using var streamed = await bot.Client.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_and_a_malformed_one_400_with_a_reason()
    {
        var now = bot.Clock.GetUtcNow();
        using var text = PushCalls.SignedPush("username=alexw", now, contentType: "text/plain");
        using var broken = PushCalls.SignedPush("""{"username":"alexw",""", now);
        using var noSid = PushCalls.SignedPush("""{"username":"alexw"}""", now);
        using var notGuid = PushCalls.SignedPush(PushCalls.Body("alexw", "12345"), now);
        using var number = PushCalls.SignedPush($$"""{"username":42,"recipientTaskSid":"{{taskSid}}"}""", now);
        using var longMessage = PushCalls.SignedPush(PushCalls.Body("alexw", taskSid, new string('x', 501)), now);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await bot.Client.SendAsync(text)).StatusCode);
        Assert.Equal("The body is not valid JSON.", await RefusedAsync(broken));
        Assert.Equal("recipientTaskSid is required: the sid (a GUID) of the assignee's recipient task.", await RefusedAsync(noSid));
        Assert.Equal("recipientTaskSid must be the recipient task's sid, a GUID.", await RefusedAsync(notGuid));
        Assert.Equal("username must be a string.", await RefusedAsync(number));
        Assert.Equal("message is at most 500 characters.", await RefusedAsync(longMessage));
        Assert.Empty(await OutboxAsync());
    }

    [Theory]
    [InlineData("""{"username":"alex\ud800w","recipientTaskSid":"{sid}"}""")]
    [InlineData("""{"username":"alexw","recipientTaskSid":"{sid}","message":"\udc00 approve"}""")]
    [InlineData("""{"username":"alexw","recipientTaskSid":"{sid}\ud800"}""")]
    [InlineData("""{"username":"alexw","recipientTaskSid":"{sid}","\ud800":1}""")]
    [InlineData("""{"username":"alexw","recipientTaskSid":"{sid}","extra":["\udfff"]}""")]
    public async Task A_signed_push_with_text_that_is_not_unicode_gets_400_not_a_server_error(string template)
    {
        using var push = PushCalls.SignedPush(template.Replace("{sid}", taskSid, StringComparison.Ordinal), bot.Clock.GetUtcNow());

        Assert.Equal("The body holds text that is not valid Unicode (such as a lone surrogate escape).", await RefusedAsync(push));
        Assert.Empty(await OutboxAsync());
        Assert.Empty(bot.Logs.ErrorsAndStacks());
    }

    [Fact]
    public async Task A_field_given_twice_in_any_spelling_gets_400_as_it_could_be_read_two_ways()
    {
        var body = $$"""{"username":"alexw","recipientTaskSid":"{{taskSid}}","UserName":"meganb"}""";

        using var push = PushCalls.SignedPush(body, bot.Clock.GetUtcNow());

        Assert.Contains("more than once", await RefusedAsync(push), StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task Fields_are_matched_without_regard_to_case_and_unknown_ones_are_ignored()
    {
        var body = $$"""{"UserName":"alexw","RecipientTaskSID":"{{taskSid}}","processName":"Purchase Request","step":3}""";

        using var response = await bot.Client.SendAsync(PushCalls.SignedPush(body, bot.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(Assert.Single(await OutboxAsync()).Message);
    }

    private async Task<string?> RefusedAsync(HttpRequestMessage push)
    {
        using var response = await bot.Client.SendAsync(push);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString();
    }

    private static async Task<int> QueuedAsync(HttpResponseMessage response)
    {
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.GetProperty("queued").GetInt32();
    }

    private async Task<List<Notification>> OutboxAsync()
    {
        await using var context = await bot.DatabaseAsync();
        return await context.Notifications.AsNoTracking().ToListAsync();
    }
}
