using System.Collections.Concurrent;
using System.Text.Json;
using IntegrifyBot.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrifyBot.Benchmarks.Load;

/// <summary>
/// A Bot Connector on 127.0.0.1 for many turns at once: it answers each reply as Teams' connector
/// does (200 and a new message id) and hands the reply to the turn waiting for it, found by the
/// activity it replies to. Typing indicators are answered and otherwise ignored.
/// </summary>
internal sealed class TurnConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> waiting = new(StringComparer.Ordinal);
    private int nextId;
    private int unexpected;

    private TurnConnector(WebApplication app, Uri serviceUrl)
    {
        this.app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    /// <summary>Replies to no activity that was waited for (a second reply to one turn, say).</summary>
    public int Unexpected => Volatile.Read(ref unexpected);

    public static async Task<TurnConnector> StartAsync()
    {
        TurnConnector? connector = null;
        var (app, address) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities", (HttpRequest request) => connector!.TakeAsync(null, request));
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string activityId, HttpRequest request) => connector!.TakeAsync(activityId, request));
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string activityId, HttpRequest request) => connector!.TakeAsync(activityId, request));
            app.MapGet("/v3/conversations/{conversationId}/members/{userId}", () => Results.NotFound());
        });
        connector = new TurnConnector(app, address);
        return connector;
    }

    /// <summary>The reply to the activity with this id, when it comes.</summary>
    public Task<JsonElement> ReplyTo(string activityId)
    {
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[activityId] = reply;
        return reply.Task;
    }

    /// <summary>Stops waiting for a reply that did not come.</summary>
    public void Forget(string activityId) => waiting.TryRemove(activityId, out _);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> TakeAsync(string? activityId, HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        var activity = document.RootElement;
        var typing = activity.TryGetProperty("type", out var type) && type.GetString() == "typing";
        if (!typing)
        {
            var repliesTo = activityId ?? (activity.TryGetProperty("replyToId", out var replyTo) ? replyTo.GetString() : null);
            if (repliesTo is not null && waiting.TryRemove(repliesTo, out var turn))
            {
                turn.SetResult(activity.Clone());
            }
            else
            {
                Interlocked.Increment(ref unexpected);
            }
        }

        return Results.Json(new { id = $"msg-{Interlocked.Increment(ref nextId)}" });
    }
}
