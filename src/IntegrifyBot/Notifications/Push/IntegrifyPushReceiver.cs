using IntegrifyBot.RequestBodies;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Notifications.Push;

/// <summary>
/// POST /api/notifications/integrify: an Integrify process says that a task was assigned (Integrify
/// has no webhooks; a process designer adds a REST Client step that calls this). The task is queued
/// in the outbox for every Teams user linked to the assignee's username who has not turned
/// notifications off (as the poller does), and this instance's sender is woken. Nothing here calls Integrify, so the step gets its answer at once; the sender reads the task
/// with the user's own token when it sends.
/// </summary>
internal sealed partial class IntegrifyPushReceiver(
    IOptionsMonitor<NotificationsOptions> options,
    PushReplays replays,
    TaskAnnouncer announcer,
    TimeProvider time,
    ILogger<IntegrifyPushReceiver> logger)
{
    public const string Path = "/api/notifications/integrify";

    /// <summary>A push is three short fields; anything this large is not one.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    public async Task<IResult> ReceiveAsync(HttpContext http)
    {
        var settings = options.CurrentValue;
        if (!settings.PushEnabled)
        {
            return Results.NotFound();
        }

        var request = http.Request;
        if (!JsonContentType.Is(request.ContentType))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "A push is sent as application/json.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"A push is at most {MaxBodyBytes} bytes.");
        }

        await using var body = await BoundedBody.ReadAsync(request.Body, MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"A push is at most {MaxBodyBytes} bytes.");
        }

        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        var check = PushAuthenticator.Check(request.Headers, bytes.Span, settings, time.GetUtcNow());
        switch (check.Verdict)
        {
            case PushVerdict.Refused:
                LogRefused(StatusCodes.Status401Unauthorized, "no valid signature or secret");
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not a valid push");
            case PushVerdict.Stale:
                return Refuse(StatusCodes.Status401Unauthorized, $"stale: the timestamp is more than {settings.PushTolerance} from the bot's clock.");
        }

        var (notice, problem) = PushNotice.Read(bytes);
        if (notice is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem!);
        }

        if (check.ReplayKey is { } signature && !await replays.TryRecordAsync(signature, check.ReplayUntil, http.RequestAborted))
        {
            return Refuse(StatusCodes.Status409Conflict, "This push was already received: each signature is accepted once.");
        }

        int linked, queued;
        try
        {
            (linked, queued) = await announcer.QueueAsync(notice.UserName, notice.RecipientTaskSid, notice.Message, http.RequestAborted);
        }
        catch when (check.ReplayKey is not null)
        {
            // Not queued (or not all): the caller's retry of this very request must not be a "replay".
            await replays.ForgetAsync(check.ReplayKey, CancellationToken.None);
            throw;
        }

        LogAccepted(notice.RecipientTaskSid, check.Method, linked, queued);
        return Results.Json(new PushAnswer(queued), statusCode: StatusCodes.Status202Accepted);
    }

    private IResult Refuse(int status, string reason)
    {
        LogRefused(status, reason);
        return Results.Problem(statusCode: status, title: "Not an acceptable push", detail: reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrify pushed recipient task {RecipientTaskSid} (authenticated by {Authentication}): {Linked} linked Teams user(s), {Queued} notification(s) queued")]
    private partial void LogAccepted(string recipientTaskSid, string authentication, int linked, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a push to /api/notifications/integrify with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
