using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// A Bot Connector service on 127.0.0.1 that records what the bot sends: the real adapter posts its
/// replies and updates here over HTTP, as it would to Teams' connector. Started with
/// <see cref="TeamsLimits"/>, it also refuses new messages beyond them as Teams does: 429, Teams'
/// error body and a Retry-After header.
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<ConnectorCall> calls = Channel.CreateUnbounded<ConnectorCall>();
    private readonly ConcurrentQueue<ConnectorCall> history = new();
    private readonly ConcurrentQueue<Refusal> refusals = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock holdLock = new();
    private Hold? hold;
    private readonly TeamsRateWindows? limits;
    private readonly TimeProvider time;
    private int nextId;
    private int memberLookups;
    private int accepted;
    private int throttled;

    private LocalConnector(WebApplication app, TeamsLimits? limits, TimeProvider time)
    {
        this.app = app;
        this.time = time;
        this.limits = limits is null ? null : new TeamsRateWindows(limits, time);
    }

    public required Uri ServiceUrl { get; init; }

    public IReadOnlyCollection<ConnectorCall> History => history;

    /// <summary>
    /// Teams' member directory, as GET …/members/{userId} answers it (TeamsInfo.GetMemberAsync):
    /// user id → the member's JSON. Unknown ids get 404, as for someone who left.
    /// </summary>
    public ConcurrentDictionary<string, object> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times the bot asked the member directory.</summary>
    public int MemberLookups => memberLookups;

    /// <summary>New messages (POSTs) the connector took.</summary>
    public int Accepted => Volatile.Read(ref accepted);

    /// <summary>New messages it answered with 429, whether beyond its limits or told to by <see cref="Refuse"/>.</summary>
    public int Throttled => Volatile.Read(ref throttled);

    /// <param name="limits">Teams' limits to enforce on new messages; none by default.</param>
    /// <param name="time">The clock the limits' windows follow; the system's by default.</param>
    public static async Task<LocalConnector> StartAsync(TeamsLimits? limits = null, TimeProvider? time = null)
    {
        LocalConnector? connector = null;
        var (app, address) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => connector!.RecordAsync("POST", conversationId, null, request));
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) => connector!.RecordAsync("POST", conversationId, activityId, request));
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) => connector!.RecordAsync("PUT", conversationId, activityId, request));
            app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string conversationId, string userId) => connector!.Member(userId));
        });
        connector = new LocalConnector(app, limits, time ?? TimeProvider.System) { ServiceUrl = address };
        return connector;
    }

    /// <summary>
    /// Makes the connector refuse the bot's next <paramref name="times"/> new messages (POSTs) as Teams
    /// does: with <paramref name="status"/> and Teams' error body, and Retry-After when given. The
    /// refused calls are recorded like the others, with their status; then it takes messages again.
    /// </summary>
    public void Refuse(int status, TimeSpan? retryAfter = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            refusals.Enqueue(new Refusal(status, retryAfter));
        }
    }

    /// <summary>
    /// Makes the connector let the bot's next <paramref name="after"/> new messages (POSTs) through,
    /// then take the one after, record it and never answer it, as a connector that stalls or a
    /// connection lost mid-call: the bot cannot know whether it arrived. The call is recorded with
    /// status 0; the task ends with it when it arrives.
    /// </summary>
    public Task<ConnectorCall> HoldNext(int after = 0)
    {
        var next = new Hold(after);
        lock (holdLock)
        {
            hold = next;
        }

        return next.Arrived.Task;
    }

    /// <summary>Waits for the next call the bot makes, failing the test if none comes in time.</summary>
    public async Task<ConnectorCall> NextAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            return await calls.Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The bot sent nothing to the connector in time.");
        }
    }

    /// <summary>True when the bot has sent nothing that was not read yet.</summary>
    public bool IsIdle => calls.Reader.Count == 0;

    public async ValueTask DisposeAsync()
    {
        // A held call would keep the server from stopping until its own time-out.
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private IResult Member(string userId)
    {
        Interlocked.Increment(ref memberLookups);
        return Members.TryGetValue(userId, out var member) ? Results.Json(member) : Results.NotFound();
    }

    private async Task<IResult> RecordAsync(string method, string conversationId, string? activityId, HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        var refusal = method == "POST" && refusals.TryDequeue(out var next) ? next : null;
        var held = method == "POST" && refusal is null ? TakeHold() : null;
        if (refusal is null && held is null && method == "POST" && limits?.TryAccept(TeamsRateWindows.TenantOf(document.RootElement), conversationId) is { } fits)
        {
            // Teams' Retry-After is whole seconds.
            refusal = new Refusal(StatusCodes.Status429TooManyRequests, TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(fits.TotalSeconds))));
        }

        var status = held is null ? refusal?.Status ?? StatusCodes.Status200OK : 0;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            Interlocked.Increment(ref throttled);
        }
        else if (status == StatusCodes.Status200OK && method == "POST")
        {
            Interlocked.Increment(ref accepted);
        }

        var call = new ConnectorCall(method, conversationId, activityId, document.RootElement.Clone()) { Status = status, At = time.GetUtcNow() };
        history.Enqueue(call);
        await calls.Writer.WriteAsync(call);
        if (held is not null)
        {
            held.Arrived.SetResult(call);
            using var gone = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted, stopping.Token);
            await Task.Delay(Timeout.Infinite, gone.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Results.Empty;
        }

        if (refusal is not null)
        {
            if (refusal.RetryAfter is { } wait)
            {
                request.HttpContext.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            // The Bot Connector's error shape, which the Bot Framework SDK reads into its exception.
            return refusal.Status == StatusCodes.Status429TooManyRequests
                ? Results.Json(new { error = new { code = "Throttled", message = "Too many requests: the bot exceeded a rate limit. Wait for Retry-After before sending again." } }, statusCode: refusal.Status)
                : Results.Json(new { error = new { code = "Refused", message = $"Refused with {refusal.Status} by the test." } }, statusCode: refusal.Status);
        }

        var id = method == "PUT" ? activityId! : $"msg-{Interlocked.Increment(ref nextId)}";
        return Results.Json(new { id });
    }

    /// <summary>The hold that takes this message, or null when it goes through.</summary>
    private Hold? TakeHold()
    {
        lock (holdLock)
        {
            if (hold is null)
            {
                return null;
            }

            if (hold.After > 0)
            {
                hold.After--;
                return null;
            }

            var taken = hold;
            hold = null;
            return taken;
        }
    }

    private sealed record Refusal(int Status, TimeSpan? RetryAfter);

    private sealed class Hold(int after)
    {
        public int After { get; set; } = after;

        public TaskCompletionSource<ConnectorCall> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
