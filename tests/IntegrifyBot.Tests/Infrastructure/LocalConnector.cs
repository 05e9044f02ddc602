using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrifyBot.Tests.Infrastructure;

/// <summary>
/// A Bot Connector service on 127.0.0.1 that records what the bot sends: the real adapter posts its
/// replies and updates here over HTTP, as it would to Teams' connector.
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
    private int nextId;
    private int memberLookups;

    private LocalConnector(WebApplication app) => this.app = app;

    public required Uri ServiceUrl { get; init; }

    public IReadOnlyCollection<ConnectorCall> History => history;

    /// <summary>
    /// Teams' member directory, as GET …/members/{userId} answers it (TeamsInfo.GetMemberAsync):
    /// user id → the member's JSON. Unknown ids get 404, as for someone who left.
    /// </summary>
    public ConcurrentDictionary<string, object> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times the bot asked the member directory.</summary>
    public int MemberLookups => memberLookups;

    public static async Task<LocalConnector> StartAsync()
    {
        LocalConnector? connector = null;
        var (app, address) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) => connector!.RecordAsync("POST", conversationId, null, request));
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) => connector!.RecordAsync("POST", conversationId, activityId, request));
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) => connector!.RecordAsync("PUT", conversationId, activityId, request));
            app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (string conversationId, string userId) => connector!.Member(userId));
        });
        connector = new LocalConnector(app) { ServiceUrl = address };
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
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
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
        var call = new ConnectorCall(method, conversationId, activityId, document.RootElement.Clone()) { Status = held is null ? refusal?.Status ?? StatusCodes.Status200OK : 0 };
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

            return Results.Json(new { error = new { code = "Refused", message = $"Refused with {refusal.Status} by the test." } }, statusCode: refusal.Status);
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
