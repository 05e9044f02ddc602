using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Routing;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// A feature for router tests: its commands and verbs record what reached them, and answer, fail or
/// hang on purpose so that the router's guarantees can be seen from outside.
/// </summary>
internal sealed class RecordingFeature : IBotFeature
{
    public const string TypedVerb = "test.typed";
    public const string FailingVerb = "test.fails";
    public const string FailsOnceVerb = "test.fails-once";
    public const string HangingVerb = "test.hangs";
    public const string CooperativeVerb = "test.honours-cancellation";
    public const string GatedVerb = "test.gated";
    public const string SecretFailingVerb = "test.secret.fails";
    public const string SecretHangingVerb = "test.secret.hangs";
    public const string ReviewVerb = "test.review";
    public const string CommentVerb = "test.comment";

    /// <summary>Shares its first word with <see cref="MyTasks"/>, to see which one wins.</summary>
    public static CommandDescriptor My { get; } = new("my", "Everything of mine");

    public static CommandDescriptor MyTasks { get; } = new("my tasks", "The tasks waiting for you", "todo");

    public static CommandDescriptor Tasks { get; } = new("tasks", "Find tasks") { Example = "tasks invoice" };

    public static CommandDescriptor Broken { get; } = new("broken", "Always fails") { Listed = false };

    public static CommandDescriptor Stuck { get; } = new("stuck", "Never answers") { Listed = false };

    /// <summary>Fails the way a call to Integrify for a user with no link does.</summary>
    public static CommandDescriptor Unlinked { get; } = new("unlinked", "Needs a link that is not there") { Listed = false };

    /// <summary>Fails the way a call does when Integrify refused to renew the user's token.</summary>
    public static CommandDescriptor Expired { get; } = new("expired", "Needs a link that expired") { Listed = false };

    /// <summary>Fails the way a call does when Integrify is down.</summary>
    public static CommandDescriptor Outage { get; } = new("outage", "Integrify is down") { Listed = false };

    private int failsOnceCalls;

    public ConcurrentQueue<CommandRequest> CommandsReceived { get; } = new();

    /// <summary>Why the sign-in route was asked for a card, in order.</summary>
    public ConcurrentQueue<SignInReason> SignInsRequired { get; } = new();

    /// <summary>What the sign-in route answers after recording; a recorded text unless a test says otherwise.</summary>
    public Func<SignInReason, Task<BotReply>>? SignInAnswer { get; set; }

    /// <summary>What reached the pattern route and the sign-in-state route.</summary>
    public ConcurrentQueue<string> CodesReceived { get; } = new();

    /// <summary>Every verb that reached its handler, with the typed data the router parsed.</summary>
    public ConcurrentQueue<(string Verb, object Data)> VerbsReceived { get; } = new();

    /// <summary>One task per <see cref="CooperativeVerb"/> call, completed when its token stopped it.</summary>
    public ConcurrentQueue<Task> HandlersStopped { get; } = new();

    /// <summary>What <see cref="GatedVerb"/> waits for; the test decides when it answers.</summary>
    public TaskCompletionSource<BotReply> Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Never completed: what the handlers that never answer wait on.
    private readonly TaskCompletionSource<BotReply> never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapCommand(My, Answer);
        routes.MapCommand(MyTasks, Answer);
        routes.MapCommand(Tasks, Answer);
        routes.MapCommand(Broken, (request, _) =>
        {
            CommandsReceived.Enqueue(request);
            throw new InvalidOperationException("Integrify said no.");
        });
        routes.MapCommand(Stuck, (request, _) =>
        {
            CommandsReceived.Enqueue(request);
            return never.Task;
        });

        routes.MapCommand(Unlinked, (_, _) => Task.FromException<BotReply>(new IntegrifyNotLinkedException("No link.")));
        routes.MapCommand(Expired, (_, _) => Task.FromException<BotReply>(new IntegrifyLinkExpiredException("Refresh refused.")));
        routes.MapCommand(Outage, (_, _) => Task.FromException<BotReply>(new IntegrifyUnavailableException(System.Net.HttpStatusCode.ServiceUnavailable, "Down.", null, null)));
        routes.MapSignInRequired((_, reason, _) =>
        {
            SignInsRequired.Enqueue(reason);
            return SignInAnswer?.Invoke(reason) ?? Task.FromResult<BotReply>(new TextReply($"sign in ({reason})"));
        });
        routes.MapExtensionSignIn((_, _) => Task.FromResult<BotReply>(new ExtensionSignInReply(Page: null, "sign in from the extension")));
        routes.MapSignInState((_, state, _) =>
        {
            CodesReceived.Enqueue("state:" + state);
            return Task.FromResult<BotReply>(new TextReply("state"));
        });
        routes.MapPattern(new Regex("^[0-9]{4}$"), (_, match, _) =>
        {
            CodesReceived.Enqueue("pattern:" + match.Value);
            return Task.FromResult<BotReply>(new TextReply("code"));
        });

        routes.MapVerb<TaskData>(TypedVerb, retryWithData: true, (_, data, _) => Record(TypedVerb, data, Task.FromResult<BotReply>(new TextReply($"typed {data.TaskId}"))));
        routes.MapVerb<TaskData>(FailingVerb, retryWithData: true, (_, data, _) => Record(FailingVerb, data, Task.FromException<BotReply>(new InvalidOperationException("Integrify said no."))));
        routes.MapVerb<TaskData>(FailsOnceVerb, retryWithData: true, (_, data, _) => Record(
            FailsOnceVerb,
            data,
            Interlocked.Increment(ref failsOnceCalls) == 1
                ? Task.FromException<BotReply>(new HttpRequestException("Integrify blinked."))
                : Task.FromResult<BotReply>(new TextReply($"done {data.TaskId}"))));
        routes.MapVerb<TaskData>(HangingVerb, retryWithData: true, (_, data, _) => Record(HangingVerb, data, never.Task));
        routes.MapVerb<TaskData>(CooperativeVerb, retryWithData: true, async (_, data, cancellationToken) =>
        {
            VerbsReceived.Enqueue((CooperativeVerb, data));
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            HandlersStopped.Enqueue(stopped.Task);
            try
            {
                return await never.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                stopped.SetResult();
                throw;
            }
        });
        routes.MapVerb<TaskData>(GatedVerb, retryWithData: true, (_, data, _) => Record(GatedVerb, data, Gate.Task));
        routes.MapVerb<LoginData>(SecretFailingVerb, retryWithData: false, (_, data, _) => Record(SecretFailingVerb, data, Task.FromException<BotReply>(new InvalidOperationException("Login failed."))));
        routes.MapVerb<LoginData>(SecretHangingVerb, retryWithData: false, (_, data, _) => Record(SecretHangingVerb, data, never.Task));
        routes.MapVerb<ReviewData>(ReviewVerb, retryWithData: true, (_, data, _) => Record(ReviewVerb, data, Task.FromResult<BotReply>(new TextReply("reviewed"))));
        routes.MapVerb<CommentData>(CommentVerb, retryWithData: true, (_, data, _) => Record(CommentVerb, data, Task.FromResult<BotReply>(new TextReply("commented"))));
    }

    /// <summary>A task that never completes, for handlers that must hang.</summary>
    public Task<BotReply> Never => never.Task;

    private Task<BotReply> Answer(CommandRequest request, CancellationToken cancellationToken)
    {
        CommandsReceived.Enqueue(request);
        return Task.FromResult<BotReply>(new TextReply($"{request.Command.Name}|{request.Arguments}"));
    }

    private Task<BotReply> Record(string verb, object data, Task<BotReply> reply)
    {
        VerbsReceived.Enqueue((verb, data));
        return reply;
    }

    public sealed record TaskData([property: Required] string TaskId, [property: Range(1, 5)] int Priority);

    public sealed record LoginData([property: Required] string UserName, [property: Required] string Password);

    /// <summary>Shaped like a real approval payload: a choice between outcomes.</summary>
    public sealed record ReviewData([property: Required] string TaskId, ReviewDecision Decision);

    /// <summary>Shaped like a real payload with an optional field.</summary>
    public sealed record CommentData([property: Required] string TaskId, string? Comment);

    public enum ReviewDecision
    {
        Approve,
        SendBack,
    }
}
