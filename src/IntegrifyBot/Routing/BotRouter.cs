using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Integrify.Web;
using IntegrifyBot.Settings;
using IntegrifyBot.Telemetry;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Routing;

/// <summary>
/// Sends each turn to the feature that answers it and guarantees an answer: an unknown command gets
/// help, an outdated or altered card gets a polite refusal, a failing or slow feature gets a problem
/// card within the turn's time budget; a linked route gets the user's link resolved before it runs, and
/// people without one get the link card. Nothing here knows about the Bot Framework.
/// </summary>
public sealed partial class BotRouter
{
    private readonly RouteTable routes = new();
    private readonly ILinkedUsers linkedUsers;
    private readonly TurnCredentials turnCredentials;
    private readonly BotOptions options;
    private readonly RouterMetrics metrics;
    private readonly ILogger<BotRouter> logger;
    private readonly Func<BotRequest, string, CancellationToken, Task<BotReply>> unknownCommand;
    private readonly Func<BotRequest, CancellationToken, Task<BotReply>> welcome;
    private readonly Func<BotRequest, SignInReason, CancellationToken, Task<BotReply>> signInRequired;
    private readonly Func<BotRequest, string, CancellationToken, Task<BotReply>> signInState;
    private readonly Func<BotRequest, SignInReason, CancellationToken, Task<BotReply>> extensionSignIn;
    private readonly IntegrifyWebLinks webLinks;

    /// <summary>What a search or dialog of a command the bot does not offer (an outdated app package) answers.</summary>
    public const string UnknownExtensionCommand = "This command isn't available any more. Ask your IT team to update the Integrify app in Teams.";

    public BotRouter(IEnumerable<IBotFeature> features, ILinkedUsers linkedUsers, TurnCredentials turnCredentials, IntegrifyWebLinks webLinks, IOptions<BotOptions> options, RouterMetrics metrics, ILogger<BotRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(linkedUsers);
        ArgumentNullException.ThrowIfNull(options);
        this.linkedUsers = linkedUsers;
        this.turnCredentials = turnCredentials;
        this.webLinks = webLinks;
        this.options = options.Value;
        this.metrics = metrics;
        this.logger = logger;

        routes.MapVerb<RunCommandData>(RunCommandData.Verb, retryWithData: true, (turn, data, cancellationToken) => DispatchTextAsync(turn, data.Text, cancellationToken));
        foreach (var feature in features)
        {
            feature.MapRoutes(routes);
        }

        unknownCommand = routes.UnknownCommand ?? throw new InvalidOperationException("No feature answers unknown commands.");
        welcome = routes.Welcome ?? throw new InvalidOperationException("No feature welcomes new users.");
        signInRequired = routes.SignInRequired ?? throw new InvalidOperationException("No feature answers users who must sign in.");
        signInState = routes.SignInState ?? throw new InvalidOperationException("No feature finishes Teams sign-ins.");
        var signInFromExtension = routes.ExtensionSignIn ?? throw new InvalidOperationException("No feature answers message-extension users who must sign in.");
        extensionSignIn = (turn, _, cancellationToken) => signInFromExtension(turn, cancellationToken);
    }

    /// <summary>The message extension's search commands, by id, as the manifest must declare them.</summary>
    public IReadOnlyCollection<string> SearchCommands => routes.SearchCommands;

    /// <summary>The message extension's action commands, by id, as the manifest must declare them.</summary>
    public IReadOnlyCollection<string> DialogCommands => routes.DialogCommands;

    /// <summary>Every text command, in the order features mapped them.</summary>
    public IReadOnlyList<CommandDescriptor> Commands => routes.Commands;

    public Task<BotReply> HandleTextAsync(BotRequest turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A retry must run exactly what was typed; text too long to carry gets no retry button.
        var typed = text.Trim();
        var retry = typed.Length is > 0 and <= RunCommandData.MaxTextLength
            ? CardActions.Execute("Try again", RunCommandData.Verb, new RunCommandData(typed))
            : null;
        return RunAsync(turn, "text", options.MessageTimeout, retry, signInRequired, token => DispatchTextAsync(turn, text, token), cancellationToken);
    }

    public Task<BotReply> HandleCardActionAsync(BotRequest turn, CardInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var route = routes.FindVerb(invocation.Verb);
        if (route is null)
        {
            LogUnknownVerb(invocation.Verb);
            metrics.Turn("unknown-verb", "refused", TimeSpan.Zero);
            return Task.FromResult<BotReply>(new CardReply(ProblemCards.OutdatedCard()));
        }

        // Execute invokes must be answered within Teams' invoke limit; Submit arrives as a message.
        var budget = invocation.Kind == CardInvocationKind.Execute ? options.InvokeTimeout : options.MessageTimeout;
        var retry = route.RetryWithData && invocation.Data.ValueKind == JsonValueKind.Object
            ? CardActions.Execute("Try again", invocation.Verb, JsonObject.Create(invocation.Data))
            : null;
        return RunAsync(turn, $"verb {invocation.Verb}", budget, retry, signInRequired, token => InvokeVerbAsync(route, turn, invocation.Data, token), cancellationToken);
    }

    public Task<BotReply> WelcomeAsync(BotRequest turn, CancellationToken cancellationToken) =>
        RunAsync(turn, "welcome", options.MessageTimeout, retry: null, signInRequired, token => welcome(turn, token), cancellationToken);

    /// <summary>Teams' sign-in popup closed with a result (signin/verifyState), an invoke like a card button.</summary>
    public Task<BotReply> HandleSignInStateAsync(BotRequest turn, string state, CancellationToken cancellationToken) =>
        RunAsync(turn, "signin", options.InvokeTimeout, retry: null, signInRequired, token => signInState(turn, state ?? string.Empty, token), cancellationToken);

    /// <summary>
    /// A message-extension search. <paramref name="signInState"/> is what Teams' sign-in popup handed
    /// back when the search is repeated after signing in: it links the user before the search runs.
    /// </summary>
    public Task<BotReply> HandleSearchAsync(BotRequest turn, ExtensionQuery query, string? signInState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (routes.FindSearch(query.CommandId) is not { } route)
        {
            LogUnknownExtensionCommand("search", query.CommandId);
            metrics.Turn("unknown-extension", "refused", TimeSpan.Zero);
            return Task.FromResult<BotReply>(new TextReply(UnknownExtensionCommand));
        }

        return RunExtensionAsync(turn, "search", signInState, (user, token) => route.Handler(turn, user, query, token), cancellationToken);
    }

    /// <summary>
    /// A link pasted into a message. A link to a task's or request's page of the configured Integrify
    /// unfurls into its card; any other link gets no results, and Teams leaves it as it is.
    /// </summary>
    public Task<BotReply> HandleLinkAsync(BotRequest turn, string? link, string? signInState, CancellationToken cancellationToken)
    {
        if (webLinks.Recognise(link) is not { } page || routes.FindLink(page.Kind) is not { } route)
        {
            metrics.Turn("link", "ignored", TimeSpan.Zero);
            return Task.FromResult<BotReply>(new ExtensionResultsReply([]));
        }

        return RunExtensionAsync(turn, "link", signInState, (user, token) => route.Handler(turn, user, page.Sid, token), cancellationToken);
    }

    /// <summary>An action command opened: the dialog to show.</summary>
    public Task<BotReply> HandleDialogOpenAsync(BotRequest turn, DialogOpening opening, string? signInState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        return routes.FindDialog(opening.CommandId) is { } route
            ? RunExtensionAsync(turn, "dialog", signInState, (user, token) => route.Open(turn, user, opening, token), cancellationToken)
            : UnknownDialog(opening.CommandId);
    }

    /// <summary>An action command's dialog submitted.</summary>
    public Task<BotReply> HandleDialogSubmitAsync(BotRequest turn, DialogSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return routes.FindDialog(submission.CommandId) is { } route
            ? RunExtensionAsync(turn, "dialog-submit", signInState: null, (user, token) => route.Submit(turn, user, submission, token), cancellationToken)
            : UnknownDialog(submission.CommandId);
    }

    private Task<BotReply> UnknownDialog(string commandId)
    {
        LogUnknownExtensionCommand("action", commandId);
        metrics.Turn("unknown-extension", "refused", TimeSpan.Zero);
        return Task.FromResult<BotReply>(new TextReply(UnknownExtensionCommand));
    }

    /// <summary>
    /// Runs a message-extension route as a linked user within Teams' invoke limit. Someone without a
    /// link gets Teams' sign-in answer, which opens the sign-in page in Teams' popup; when the popup
    /// closes, Teams repeats the request with what the page handed it, and that links them first.
    /// </summary>
    private Task<BotReply> RunExtensionAsync(BotRequest turn, string routeName, string? signInState, Func<IntegrifyUser, CancellationToken, Task<BotReply>> handler, CancellationToken cancellationToken) =>
        RunAsync(turn, routeName, options.InvokeTimeout, retry: null, extensionSignIn, async token =>
        {
            if (!string.IsNullOrWhiteSpace(signInState))
            {
                // The page's result links the user (or is refused); either way the request goes on,
                // and someone still without a link gets the sign-in answer again.
                await this.signInState(turn, signInState.Trim(), token);
            }

            return await AsUserAsync(turn, needsLink: true, extensionSignIn, user => handler(user!, token), token);
        }, cancellationToken);

    private Task<BotReply> DispatchTextAsync(BotRequest turn, string text, CancellationToken cancellationToken)
    {
        if (routes.MatchCommand(text) is { } command)
        {
            var request = new CommandRequest(turn, command.Route.Command, command.Arguments);
            return AsUserAsync(turn, command.Route.NeedsLink, signInRequired, user => command.Route.Handler(request, user, cancellationToken), cancellationToken);
        }

        return routes.MatchPattern(text) is { } pattern
            ? AsUserAsync(turn, pattern.Route.NeedsLink, signInRequired, user => pattern.Route.Handler(turn, user, pattern.Match, cancellationToken), cancellationToken)
            : unknownCommand(turn, text, cancellationToken);
    }

    private Task<BotReply> InvokeVerbAsync(RouteTable.VerbRoute route, BotRequest turn, JsonElement json, CancellationToken cancellationToken)
    {
        // Altered or outdated data is refused as such, whoever clicked: the link is looked up after.
        var data = route.Parse(json);
        var signIn = route.NotLinked is { } notLinked
            ? (_, _, _) => Task.FromResult(notLinked(turn, data))
            : signInRequired;
        return AsUserAsync(turn, route.NeedsLink, signIn, user => route.Handler(turn, user, data, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs a route as the turn's sender: a linked route gets their user once the link is found (or made
    /// on the spot), and someone without one gets the link card instead; any other route gets nobody,
    /// and nobody is looked up for it. The credential read to find the link serves the route's Integrify
    /// calls too, so that the store is read once per turn.
    /// </summary>
    private async Task<BotReply> AsUserAsync(
        BotRequest turn,
        bool needsLink,
        Func<BotRequest, SignInReason, CancellationToken, Task<BotReply>> signIn,
        Func<IntegrifyUser?, Task<BotReply>> handler,
        CancellationToken cancellationToken)
    {
        if (!needsLink)
        {
            return await handler(null);
        }

        using var turnMemo = turnCredentials.Begin();
        return await linkedUsers.FindOrLinkAsync(turn, cancellationToken) is { } user
            ? await handler(user)
            : new NotLinkedReply(await signIn(turn, SignInReason.NotLinked, cancellationToken));
    }

    private async Task<BotReply> RunAsync(
        BotRequest turn,
        string routeName,
        TimeSpan budget,
        ExecuteAction? retry,
        Func<BotRequest, SignInReason, CancellationToken, Task<BotReply>> signIn,
        Func<CancellationToken, Task<BotReply>> handler,
        CancellationToken cancellationToken)
    {
        using var activity = BotTelemetry.ActivitySource.StartActivity($"route {routeName}");
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);

        // Whether the turn is waiting in the bot's own queue toward Integrify when its budget runs out.
        var queue = IntegrifyQueueWatch.Begin();
        string outcome = "ok";
        Task<BotReply>? work = null;
        try
        {
            work = handler(timeout.Token);

            // WaitAsync answers on time even when a handler ignores its cancellation token.
            var reply = await work.WaitAsync(budget, cancellationToken);
            if (reply is NotLinkedReply notLinked)
            {
                outcome = "sign-in";
                return notLinked.LinkCard;
            }

            return reply;
        }
        catch (VerbDataException exception)
        {
            outcome = "refused";
            LogRefusedCardData(routeName, exception.Message);
            return new CardReply(ProblemCards.OutdatedCard());
        }
        catch (IntegrifyLinkExpiredException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Integrify ended the link during the turn: it refused to renew the sign-in, or the link
            // was removed (signed out elsewhere) after the route found it. Not a sign-in check, which
            // linked routes pass before they run: the user gets the link card instead of an error.
            outcome = "sign-in";
            var reason = exception is IntegrifyNotLinkedException ? SignInReason.NotLinked : SignInReason.Expired;
            return await SignInCardAsync(turn, reason, signIn, budget - Stopwatch.GetElapsedTime(started), retry, timeout.Token, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && (exception is IntegrifyBusyException || (exception is TimeoutException or OperationCanceledException && queue.HeldBack)))
        {
            // The bot is saturated, and Integrify is not to blame: a call was turned away from the bot's
            // own queue toward Integrify, or the budget ran out while the turn still waited in it.
            outcome = "busy";
            LogBusy(routeName);
            return new CardReply(ProblemCards.Busy(retry));
        }
        catch (IntegrifyUnavailableException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "integrify-unavailable";
            LogIntegrifyUnavailable(routeName);
            return new CardReply(ProblemCards.IntegrifyUnavailable(retry));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is TimeoutException or OperationCanceledException)
        {
            outcome = "timeout";
            LogTimedOut(routeName, budget.TotalMilliseconds);
            return new CardReply(ProblemCards.TimedOut(retry));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "error";
            LogFailed(exception, routeName);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            return new CardReply(ProblemCards.Unexpected(retry));
        }
        finally
        {
            if (work is { IsCompleted: false })
            {
                // Nobody waits for this work any more: tell it to stop, and observe how it ends.
                await timeout.CancelAsync();
                _ = work.ContinueWith(abandoned => abandoned.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            activity?.SetTag("integrifybot.route.outcome", outcome);
            metrics.Turn(routeName.Split(' ')[0], outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The link card, in what is left of the turn's budget; it too fails into a problem card, never out of the turn.</summary>
    private async Task<BotReply> SignInCardAsync(BotRequest turn, SignInReason reason, Func<BotRequest, SignInReason, CancellationToken, Task<BotReply>> signIn, TimeSpan remaining, ExecuteAction? retry, CancellationToken token, CancellationToken cancellationToken)
    {
        try
        {
            return await signIn(turn, reason, token).WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is TimeoutException or OperationCanceledException)
        {
            LogTimedOut("sign-in card", remaining.TotalMilliseconds);
            return new CardReply(ProblemCards.TimedOut(retry));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception, "sign-in card");
            return new CardReply(ProblemCards.Unexpected(retry));
        }
    }

    /// <summary>
    /// The link card for someone a linked route could not run for; the router unwraps it, to count the
    /// turn as answered with sign-in rather than by the route.
    /// </summary>
    private sealed record NotLinkedReply(BotReply LinkCard) : BotReply;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The message extension's {Kind} command {CommandId} is not one the bot offers; answered that it is unknown")]
    private partial void LogUnknownExtensionCommand(string kind, string commandId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card action named the unknown verb {Verb}; answered that the card is outdated")]
    private partial void LogUnknownVerb(string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused card data on {Route}: {Reason}")]
    private partial void LogRefusedCardData(string route, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route} did not answer within {BudgetMs} ms; answered with a retry card")]
    private partial void LogTimedOut(string route, double budgetMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route}: Integrify is unavailable; answered with a retry card")]
    private partial void LogIntegrifyUnavailable(string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Route}: the bot has more calls to Integrify than it sends at once; answered with a busy card")]
    private partial void LogBusy(string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Route} failed; answered with a problem card")]
    private partial void LogFailed(Exception exception, string route);
}
