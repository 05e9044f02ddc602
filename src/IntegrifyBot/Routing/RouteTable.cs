using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Web;

namespace IntegrifyBot.Routing;

/// <summary>
/// The commands and card verbs the bot answers, filled by each <see cref="IBotFeature"/> at start.
/// Mapping the same phrase or verb twice is a programming error and fails at start, not at run time.
/// A route that acts in Integrify as the user is mapped as linked (<c>MapLinked…</c>): the router finds
/// or makes the user's link before it runs and answers people without one with the link card, so its
/// handler receives the user and never checks linking itself.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, CommandRoute> phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VerbRoute> verbs = new(StringComparer.Ordinal);
    private readonly List<CommandDescriptor> commands = [];
    private readonly List<PatternRoute> patterns = [];
    private readonly Dictionary<string, SearchRoute> searches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DialogRoute> dialogs = new(StringComparer.Ordinal);

    // Teams names the command from the app's manifest; a client that names none (the Teams emulator,
    // whose command id may be left blank) gets the first one mapped: the main search, the one dialog.
    private SearchRoute? firstSearch;
    private DialogRoute? firstDialog;
    private readonly Dictionary<IntegrifyPageKind, LinkRoute> links = [];
    private int longestPhraseWords = 1;

    internal Func<BotRequest, string, CancellationToken, Task<BotReply>>? UnknownCommand { get; private set; }

    internal Func<BotRequest, CancellationToken, Task<BotReply>>? Welcome { get; private set; }

    internal Func<BotRequest, SignInReason, CancellationToken, Task<BotReply>>? SignInRequired { get; private set; }

    internal Func<BotRequest, string, CancellationToken, Task<BotReply>>? SignInState { get; private set; }

    internal Func<BotRequest, CancellationToken, Task<BotReply>>? ExtensionSignIn { get; private set; }

    public IReadOnlyList<CommandDescriptor> Commands => commands;

    public void MapCommand(CommandDescriptor command, Func<CommandRequest, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddCommand(command, needsLink: false, (request, _, cancellationToken) => handler(request, cancellationToken));
    }

    /// <summary>A text command that acts in Integrify as the user: its handler receives the linked user.</summary>
    public void MapLinkedCommand(CommandDescriptor command, Func<CommandRequest, IntegrifyUser, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddCommand(command, needsLink: true, (request, user, cancellationToken) => handler(request, Linked(user), cancellationToken));
    }

    /// <summary>
    /// Maps a card verb to a handler that receives the button's data as <typeparamref name="TData"/>,
    /// parsed and validated (data annotations) before the handler runs.
    /// </summary>
    /// <param name="retryWithData">
    /// Whether a problem card may offer "Try again" carrying the same data. The data includes what was
    /// typed into the card, so a verb whose inputs hold a secret (a password, an API key) says no.
    /// </param>
    public void MapVerb<TData>(string verb, bool retryWithData, Func<BotRequest, TData, CancellationToken, Task<BotReply>> handler)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddVerb<TData>(verb, retryWithData, needsLink: false, (turn, _, data, cancellationToken) => handler(turn, data, cancellationToken));
    }

    /// <summary>
    /// <see cref="MapVerb"/> for a verb that acts in Integrify as the user: its data is checked first,
    /// then its handler receives the linked user.
    /// </summary>
    /// <param name="notLinked">
    /// What someone without a link sees instead of the link card, or null for the link card: for a
    /// card's refresh, which fills a slot of a shared card with a short line rather than a sign-in form.
    /// </param>
    public void MapLinkedVerb<TData>(string verb, bool retryWithData, Func<BotRequest, IntegrifyUser, TData, CancellationToken, Task<BotReply>> handler, Func<BotRequest, TData, BotReply>? notLinked = null)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddVerb<TData>(verb, retryWithData, needsLink: true, (turn, user, data, cancellationToken) => handler(turn, Linked(user), data, cancellationToken), notLinked is null ? null : (turn, data) => notLinked(turn, (TData)data));
    }

    /// <summary>
    /// A search command of the message extension (its id in the manifest), answered with results
    /// (<see cref="ExtensionResultsReply"/>) found as the linked user.
    /// </summary>
    public void MapLinkedSearch(string commandId, Func<BotRequest, IntegrifyUser, ExtensionQuery, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandId);
        ArgumentNullException.ThrowIfNull(handler);
        var route = new SearchRoute(commandId, handler);
        if (!searches.TryAdd(commandId, route))
        {
            throw new InvalidOperationException($"The search command \"{commandId}\" is mapped twice.");
        }

        firstSearch ??= route;
    }

    /// <summary>
    /// An action command of the message extension: <paramref name="open"/> answers with the dialog
    /// (<see cref="DialogReply"/>), <paramref name="submit"/> with the dialog again, a card
    /// to insert (<see cref="ExtensionResultsReply"/>), or a line (<see cref="TextReply"/>) the dialog shows.
    /// </summary>
    public void MapLinkedDialog(
        string commandId,
        Func<BotRequest, IntegrifyUser, DialogOpening, CancellationToken, Task<BotReply>> open,
        Func<BotRequest, IntegrifyUser, DialogSubmission, CancellationToken, Task<BotReply>> submit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandId);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(submit);
        var route = new DialogRoute(commandId, open, submit);
        if (!dialogs.TryAdd(commandId, route))
        {
            throw new InvalidOperationException($"The action command \"{commandId}\" is mapped twice.");
        }

        firstDialog ??= route;
    }

    /// <summary>
    /// A link to a page of the configured Integrify web app, pasted into a message: its handler gets the
    /// page's id and answers with the card the link unfurls into.
    /// </summary>
    public void MapLinkedLink(IntegrifyPageKind kind, Func<BotRequest, IntegrifyUser, string, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!links.TryAdd(kind, new LinkRoute(kind, handler)))
        {
            throw new InvalidOperationException($"Links to {kind} pages are mapped twice.");
        }
    }

    /// <summary>What the message extension answers someone who must link first (<see cref="ExtensionSignInReply"/>).</summary>
    public void MapExtensionSignIn(Func<BotRequest, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ExtensionSignIn = ExtensionSignIn is null ? handler : throw new InvalidOperationException("The extension sign-in route is mapped twice.");
    }

    /// <summary>What answers text that matches no command; exactly one feature maps it.</summary>
    public void MapUnknownCommand(Func<BotRequest, string, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        UnknownCommand = UnknownCommand is null ? handler : throw new InvalidOperationException("The unknown-command route is mapped twice.");
    }

    /// <summary>What the bot says when it is added to a chat, team or personal scope.</summary>
    public void MapWelcome(Func<BotRequest, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Welcome = Welcome is null ? handler : throw new InvalidOperationException("The welcome route is mapped twice.");
    }

    /// <summary>
    /// Text that is not a command but has a shape a feature recognises, such as a six-digit sign-in
    /// code. Tried after the commands, in the order mapped; the pattern must match the whole text.
    /// </summary>
    public void MapPattern(Regex pattern, Func<BotRequest, Match, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddPattern(pattern, needsLink: false, (turn, _, match, cancellationToken) => handler(turn, match, cancellationToken));
    }

    /// <summary><see cref="MapPattern"/> for text that acts in Integrify as the user: its handler receives the linked user.</summary>
    public void MapLinkedPattern(Regex pattern, Func<BotRequest, IntegrifyUser, Match, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddPattern(pattern, needsLink: true, (turn, user, match, cancellationToken) => handler(turn, Linked(user), match, cancellationToken));
    }

    /// <summary>
    /// What answers a turn that needs a linked Integrify account the user does not have: a linked route
    /// for someone without a link, or any route whose link Integrify ended during the turn.
    /// </summary>
    public void MapSignInRequired(Func<BotRequest, SignInReason, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        SignInRequired = SignInRequired is null ? handler : throw new InvalidOperationException("The sign-in-required route is mapped twice.");
    }

    /// <summary>What answers Teams when its sign-in popup finished (signin/verifyState) with the page's result.</summary>
    public void MapSignInState(Func<BotRequest, string, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        SignInState = SignInState is null ? handler : throw new InvalidOperationException("The sign-in-state route is mapped twice.");
    }

    internal (PatternRoute Route, Match Match)? MatchPattern(string text)
    {
        var trimmed = text.Trim();
        foreach (var route in patterns)
        {
            var match = route.Pattern.Match(trimmed);
            if (match.Success && match.Length == trimmed.Length)
            {
                return (route, match);
            }
        }

        return null;
    }

    internal CommandMatch? MatchCommand(string text)
    {
        var words = CommandText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var originalWords = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

        // The longest phrase wins, so "my tasks" is not read as "my" followed by "tasks".
        for (var length = Math.Min(longestPhraseWords, words.Length); length > 0; length--)
        {
            if (phrases.TryGetValue(string.Join(' ', words.Take(length)), out var route))
            {
                return new CommandMatch(route, string.Join(' ', originalWords.Skip(length)));
            }
        }

        return null;
    }

    internal VerbRoute? FindVerb(string verb) => verbs.GetValueOrDefault(verb);

    internal SearchRoute? FindSearch(string commandId) => string.IsNullOrWhiteSpace(commandId) ? firstSearch : searches.GetValueOrDefault(commandId);

    internal DialogRoute? FindDialog(string commandId) => string.IsNullOrWhiteSpace(commandId) ? firstDialog : dialogs.GetValueOrDefault(commandId);

    internal LinkRoute? FindLink(IntegrifyPageKind kind) => links.GetValueOrDefault(kind);

    /// <summary>The message extension's search commands, by id, as the manifest must declare them.</summary>
    public IReadOnlyCollection<string> SearchCommands => searches.Keys;

    /// <summary>The message extension's action commands (dialogs), by id, as the manifest must declare them.</summary>
    public IReadOnlyCollection<string> DialogCommands => dialogs.Keys;

    // The router hands a linked route the user it resolved, and an unlinked one nobody: a linked
    // handler without a user is a router bug, not a person to send the link card to.
    private static IntegrifyUser Linked(IntegrifyUser? user) =>
        user ?? throw new InvalidOperationException("A linked route ran without its linked user.");

    private void AddCommand(CommandDescriptor command, bool needsLink, Func<CommandRequest, IntegrifyUser?, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(command);
        var route = new CommandRoute(command, needsLink, handler);
        foreach (var phrase in command.Phrases)
        {
            var key = CommandText.Normalize(phrase);
            if (key.Length == 0 || !phrases.TryAdd(key, route))
            {
                throw new InvalidOperationException($"The command phrase \"{phrase}\" is empty or mapped twice.");
            }

            longestPhraseWords = Math.Max(longestPhraseWords, key.Split(' ').Length);
        }

        commands.Add(command);
    }

    private void AddVerb<TData>(string verb, bool retryWithData, bool needsLink, Func<BotRequest, IntegrifyUser?, TData, CancellationToken, Task<BotReply>> handler, Func<BotRequest, object, BotReply>? notLinked = null)
        where TData : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        var route = new VerbRoute(verb, retryWithData, needsLink, data => VerbData.Parse<TData>(data), (turn, user, data, cancellationToken) => handler(turn, user, (TData)data, cancellationToken)) { NotLinked = notLinked };
        if (!verbs.TryAdd(verb, route))
        {
            throw new InvalidOperationException($"The card verb \"{verb}\" is mapped twice.");
        }
    }

    private void AddPattern(Regex pattern, bool needsLink, Func<BotRequest, IntegrifyUser?, Match, CancellationToken, Task<BotReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        patterns.Add(new PatternRoute(pattern, needsLink, handler));
    }

    internal sealed record CommandRoute(CommandDescriptor Command, bool NeedsLink, Func<CommandRequest, IntegrifyUser?, CancellationToken, Task<BotReply>> Handler);

    internal sealed record CommandMatch(CommandRoute Route, string Arguments);

    internal sealed record PatternRoute(Regex Pattern, bool NeedsLink, Func<BotRequest, IntegrifyUser?, Match, CancellationToken, Task<BotReply>> Handler);

    /// <param name="Parse">Reads and checks the card's data as the verb's record, before anyone is looked up.</param>
    internal sealed record VerbRoute(string Verb, bool RetryWithData, bool NeedsLink, Func<JsonElement, object> Parse, Func<BotRequest, IntegrifyUser?, object, CancellationToken, Task<BotReply>> Handler)
    {
        /// <summary>What someone without a link sees instead of the link card, from the parsed data; null for the link card.</summary>
        public Func<BotRequest, object, BotReply>? NotLinked { get; init; }
    }

    internal sealed record SearchRoute(string CommandId, Func<BotRequest, IntegrifyUser, ExtensionQuery, CancellationToken, Task<BotReply>> Handler);

    internal sealed record DialogRoute(
        string CommandId,
        Func<BotRequest, IntegrifyUser, DialogOpening, CancellationToken, Task<BotReply>> Open,
        Func<BotRequest, IntegrifyUser, DialogSubmission, CancellationToken, Task<BotReply>> Submit);

    internal sealed record LinkRoute(IntegrifyPageKind Kind, Func<BotRequest, IntegrifyUser, string, CancellationToken, Task<BotReply>> Handler);
}
