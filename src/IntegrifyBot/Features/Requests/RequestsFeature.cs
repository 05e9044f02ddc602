using System.Diagnostics;
using IntegrifyBot.Cards;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Integrify.Web;
using IntegrifyBot.Routing;
using IntegrifyBot.Settings;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Requests;

/// <summary>
/// Starting a request (a start a second click never repeats, its next task shown right there when it
/// is the user's), the user's own requests newest first with their status and whom they wait on, and
/// cancelling one after a confirmation, when Integrify allows it.
/// </summary>
public sealed partial class RequestsFeature(
    IIntegrifyRequestsApi requests,
    RequestStarts starts,
    TaskFinder tasks,
    TimeProvider time,
    IOptions<IntegrifyOptions> integrify,
    IOptions<BotOptions> bot,
    ILogger<RequestsFeature> logger) : IBotFeature
{
    /// <summary>What the turn keeps after looking for the user's next task, to draw the card and send it.</summary>
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromMilliseconds(500);

    public static CommandDescriptor RequestsCommand { get; } = new("requests", "Show the requests you started", "my requests", "request list")
    {
        Example = "requests time off",
    };

    public static CommandDescriptor StartCommand { get; } = new("new request", "Start a request", "start", "start request", "new")
    {
        Example = "start time off",
    };

    /// <summary>The message extension's search of the user's requests (its id in the manifest).</summary>
    public const string SearchCommand = "myRequests";

    /// <summary>The message extension's search of the processes the user may start.</summary>
    public const string ProcessesCommand = "processes";

    /// <summary>The message extension's action command that starts a request in a dialog.</summary>
    public const string StartDialogCommand = "startRequest";

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapLinkedSearch(SearchCommand, SearchAsync);
        routes.MapLinkedSearch(ProcessesCommand, SearchProcessesAsync);
        routes.MapLinkedLink(IntegrifyPageKind.Request, UnfurlAsync);
        routes.MapLinkedDialog(StartDialogCommand, OpenStartDialogAsync, SubmitStartDialogAsync);
        routes.MapLinkedCommand(RequestsCommand, (request, user, token) => ListAsync(request.Turn, user, new RequestListView(CardLimits.Search(request.Arguments)), notice: null, token));
        routes.MapLinkedVerb<RequestListView>(RequestVerbs.Page, retryWithData: true, (turn, user, view, token) => ListAsync(turn, user, view, notice: null, token));
        routes.MapLinkedVerb<OpenRequestData>(RequestVerbs.Open, retryWithData: true, (turn, user, data, token) => DetailAsync(turn, user, data.InstanceSid, new RequestListView(data.Search, data.Start), notice: null, confirmCancel: false, token));
        routes.MapLinkedVerb<CancelRequestData>(RequestVerbs.Cancel, retryWithData: true, CancelAsync);
        routes.MapLinkedCommand(StartCommand, (request, user, token) => ProcessesAsync(user, CardLimits.Search(request.Arguments), token));
        routes.MapVerb<PickProcessData>(RequestVerbs.Pick, retryWithData: true, (turn, data, _) => Task.FromResult<BotReply>(new CardReply(RequestCards.NameIt(data, SuggestedName(turn, data), Guid.NewGuid().ToString("N")))));
        routes.MapLinkedVerb<StartRequestData>(RequestVerbs.Start, retryWithData: true, StartAsync);
    }

    /// <summary>The user's requests matching what was typed, newest first, each to share as a card.</summary>
    private async Task<BotReply> SearchAsync(BotRequest turn, IntegrifyUser user, ExtensionQuery query, CancellationToken cancellationToken)
    {
        var page = await requests.ListRequestsAsync(user, new ListQuery { Search = CardLimits.Search(query.Search), Start = query.Skip, Count = query.Count, Sort = "createdDate", Dir = "desc" }, cancellationToken);
        return new ExtensionResultsReply([.. page.Items.Where(request => request.Sid.Length > 0).Select(request => new ExtensionResult(
            SharedCards.Request(request.Sid),
            CardText.Truncate($"#{request.Id} · {request.Name}", 80),
            CardText.Truncate($"{request.ProcessName} · {request.Status}", 150)))]);
    }

    /// <summary>The processes the user may start matching what was typed, each as a card that lets whoever reads it start one.</summary>
    private async Task<BotReply> SearchProcessesAsync(BotRequest turn, IntegrifyUser user, ExtensionQuery query, CancellationToken cancellationToken)
    {
        var processes = await requests.SearchProcessesAsync(user, CardLimits.Search(query.Search), cancellationToken);
        return new ExtensionResultsReply([.. processes.Where(process => process.Sid.Length is > 0 and <= 64).Skip(query.Skip).Take(query.Count).Select(process => new ExtensionResult(
            RequestCards.Invitation(process),
            CardText.Truncate(process.Name ?? "Process", 80),
            process.Description is { Length: > 0 } description ? CardText.Truncate(description, 150) : null))]);
    }

    /// <summary>A pasted link to a request's page: the shared request card, previewed as the person who pasted it may see the request.</summary>
    private async Task<BotReply> UnfurlAsync(BotRequest turn, IntegrifyUser user, string instanceSid, CancellationToken cancellationToken)
    {
        RequestDetails? request;
        try
        {
            request = await requests.GetRequestAsync(user, instanceSid, cancellationToken);
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException or IntegrifyBadRequestException)
        {
            request = null;
        }

        return new ExtensionResultsReply(
        [
            request is null
                ? new ExtensionResult(SharedCards.Request(instanceSid), "Integrify request", "Not visible to you: each person sees what their Integrify account allows.")
                : new ExtensionResult(SharedCards.Request(request.Sid), CardText.Truncate($"#{request.Id} · {request.Name}", 80), CardText.Truncate($"{request.ProcessName} · {request.Status}", 150)),
        ]);
    }

    /// <summary>"Start a request" opened: the processes the user may start, and a name (a message's text, when opened from one).</summary>
    private async Task<BotReply> OpenStartDialogAsync(BotRequest turn, IntegrifyUser user, DialogOpening opening, CancellationToken cancellationToken)
    {
        var processes = await requests.SearchProcessesAsync(user, null, cancellationToken);
        if (processes.Count == 0)
        {
            return new TextReply("There is no process you may start.");
        }

        var name = opening.FromMessage is { } text ? CardText.Truncate(text, RequestCards.MaxNameLength) : null;
        return new DialogReply(RequestDialogCards.Title, RequestDialogCards.Form(processes, new StartDialogData(ProcessSid: null, name, Post: null, StartDialogData.NewStartId())));
    }

    /// <summary>
    /// "Start a request" submitted: what is missing or refused is said in the dialog; a started request
    /// is either put into the compose box as its card, or said in a line, as the user chose.
    /// </summary>
    private async Task<BotReply> SubmitStartDialogAsync(BotRequest turn, IntegrifyUser user, DialogSubmission submission, CancellationToken cancellationToken)
    {
        var form = StartDialogData.Read(submission.Data);
        var name = form.RequestName?.Trim();
        var problem = string.IsNullOrEmpty(form.ProcessSid) ? "Pick the process to start."
            : form.ProcessSid.Length > 64 ? "That process can't be started from here."
            : string.IsNullOrEmpty(name) ? "Give the request a name."
            : name.Length > RequestCards.MaxNameLength ? $"The name is too long: at most {RequestCards.MaxNameLength} characters."
            : null;
        if (problem is not null)
        {
            return await StartFormAsync(user, form, problem, cancellationToken);
        }

        StartedRequest started;
        try
        {
            // Never cancelled with the turn and never repeated: a second start would be a second request.
            started = await starts.StartOnceAsync(user, form.StartId, () => requests.StartRequestAsync(user, form.ProcessSid!, name!, new Dictionary<string, string>(), CancellationToken.None));
            LogStarted();
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException or IntegrifyBadRequestException)
        {
            var why = string.IsNullOrWhiteSpace(exception.Description) ? "Integrify did not start it." : $"Integrify did not start it: {CardText.Escape(exception.Description, 300)}";
            return await StartFormAsync(user, form, why, cancellationToken);
        }

        var number = started.InstanceId is { } id ? $"#{id} " : string.Empty;
        return form.Post is "false"
            ? new TextReply($"You started request {number}“{CardText.Truncate(name!, 100)}”.")
            : new ExtensionResultsReply([new ExtensionResult(SharedCards.Request(started.InstanceSid), CardText.Truncate($"{number}{name}", 80), "Started just now")]);
    }

    private async Task<BotReply> StartFormAsync(IntegrifyUser user, StartDialogData form, string problem, CancellationToken cancellationToken) =>
        new DialogReply(RequestDialogCards.Title, RequestDialogCards.Form(await requests.SearchProcessesAsync(user, null, cancellationToken), form, problem));

    private async Task<BotReply> ProcessesAsync(IntegrifyUser user, string? search, CancellationToken cancellationToken)
    {
        var processes = await requests.SearchProcessesAsync(user, search, cancellationToken);
        return new CardReply(RequestCards.Processes(processes, search));
    }

    /// <summary>"Time Off – Alex – 11/28/2026": what people usually call a new request.</summary>
    private string SuggestedName(BotRequest turn, PickProcessData process)
    {
        var first = turn.User.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var today = Cards.CardDates.FormatDay(time.GetUtcNow(), turn.Locale, turn.TimeZone);
        return string.Join(" – ", new[] { process.ProcessName, first, today }.Where(part => !string.IsNullOrWhiteSpace(part)));
    }

    private async Task<BotReply> StartAsync(BotRequest turn, IntegrifyUser user, StartRequestData data, CancellationToken cancellationToken)
    {
        var begun = Stopwatch.GetTimestamp();
        var pick = new PickProcessData(data.ProcessSid, data.ProcessName);
        if (string.IsNullOrWhiteSpace(data.RequestName))
        {
            return new CardReply(RequestCards.NameIt(pick, SuggestedName(turn, pick), data.StartId, "Give the request a name."));
        }

        var name = data.RequestName.Trim();
        try
        {
            // Never cancelled with the turn and never repeated: a second start would be a second request.
            var started = await starts.StartOnceAsync(user, data.StartId, () => requests.StartRequestAsync(user, data.ProcessSid, name, new Dictionary<string, string>(), CancellationToken.None));
            LogStarted();

            // A card button has the shortest budget; the lookup gets what the start left of it.
            var mine = await FindMineAsync(user, started, bot.Value.InvokeTimeout - Stopwatch.GetElapsedTime(begun) - AnswerMargin, cancellationToken);
            return new CardReply(mine is null
                ? RequestCards.JustStarted(started, name, Integrify)
                : RequestCards.JustStarted(started, name, mine, turn, Integrify, time.GetUtcNow()));
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException or IntegrifyBadRequestException)
        {
            var why = string.IsNullOrWhiteSpace(exception.Description) ? "Integrify did not start it." : $"Integrify did not start it: {exception.Description}";
            return new CardReply(RequestCards.NameIt(pick, name, data.StartId, Cards.CardText.Escape(why, 300)));
        }
    }

    /// <summary>
    /// The user's next task, when the request's first is theirs, found among their open tasks (T1, and
    /// T2 for an approval's choices) so that the card can act on it. The request is started whatever
    /// happens here: a task not yet listed, a slow or failing Integrify, or too little time left, and
    /// the card names the task and links to it instead.
    /// </summary>
    private async Task<ActionableTask?> FindMineAsync(IntegrifyUser user, StartedRequest started, TimeSpan budget, CancellationToken cancellationToken)
    {
        if (started.NextTasks.FirstOrDefault(task => task.AssignedToMe)?.RecipientTaskSid is not { Length: > 0 } sid || budget <= TimeSpan.Zero)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        try
        {
            var found = await tasks.FindActionableAsync(user, sid, deadline.Token);
            if (found is null)
            {
                LogNextTaskNotListed();
            }

            return found;
        }
        catch (IntegrifyException exception)
        {
            LogNextTaskUnavailable(exception.GetType().Name);
            return null;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            LogNextTaskUnavailable("out of time");
            return null;
        }
    }

    private Uri Integrify => integrify.Value.BaseUrl ?? throw new InvalidOperationException("Integrify:BaseUrl is not set.");

    private async Task<BotReply> ListAsync(BotRequest turn, IntegrifyUser user, RequestListView view, CardNotice? notice, CancellationToken cancellationToken)
    {
        var query = new ListQuery { Search = view.Search, Start = view.Start, Count = CardLimits.PageSize, Sort = "createdDate", Dir = "desc" };
        var page = await requests.ListRequestsAsync(user, query, cancellationToken);
        return new CardReply(RequestCards.List(page, view, turn, notice));
    }

    private async Task<BotReply> DetailAsync(BotRequest turn, IntegrifyUser user, string instanceSid, RequestListView view, CardNotice? notice, bool confirmCancel, CancellationToken cancellationToken)
    {
        try
        {
            var request = await requests.GetRequestAsync(user, instanceSid, cancellationToken);
            return new CardReply(RequestCards.Detail(request, view, turn, Integrify, notice, confirmCancel));
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException)
        {
            return await ListAsync(turn, user, view, new CardNotice("That request is not one you can see.", IsProblem: true), cancellationToken);
        }
    }

    private async Task<BotReply> CancelAsync(BotRequest turn, IntegrifyUser user, CancelRequestData data, CancellationToken cancellationToken)
    {
        var view = new RequestListView(data.Search, data.Start);
        if (!data.Confirmed)
        {
            return await DetailAsync(turn, user, data.InstanceSid, view, notice: null, confirmCancel: true, cancellationToken);
        }

        CardNotice notice;
        try
        {
            // Not cancelled with the turn: once sent, the outcome is shown by reading the request again.
            await requests.CancelRequestAsync(user, data.InstanceSid, CancellationToken.None);
            LogCanceled();
            notice = new CardNotice("You canceled the request.", IsProblem: false);
        }
        catch (IntegrifyConflictException)
        {
            notice = new CardNotice("The request had already ended; nothing was changed.", IsProblem: false);
        }
        catch (IntegrifyForbiddenException)
        {
            notice = new CardNotice("Integrify does not let you cancel this request.", IsProblem: true);
        }

        return await DetailAsync(turn, user, data.InstanceSid, view, notice, confirmCancel: false, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A user started a request from a card")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Information, Message = "The started request's next task is not yet among the user's open tasks; the card links to it")]
    private partial void LogNextTaskNotListed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The started request's next task could not be read ({Reason}); the card links to it")]
    private partial void LogNextTaskUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user canceled a request from a card")]
    private partial void LogCanceled();
}
