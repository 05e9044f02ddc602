using System.Net;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace IntegrifyBot.Teams;

/// <summary>
/// Turns the router's answers to the message extension into the shapes each Teams surface expects:
/// results or a line in the compose box's flyout for searches and links, a dialog or its outcome for
/// action commands, and Teams' sign-in link for someone who must link first.
/// </summary>
internal static class ExtensionReplies
{
    private const string SignInTitle = "Sign in to Integrify";

    /// <summary>The answer to a search or a pasted link.</summary>
    public static InvokeResponse ToSearchResponse(BotReply reply) => Ok(new MessagingExtensionResponse { ComposeExtension = ToResult(reply) });

    /// <summary>The answer to a dialog opened or submitted.</summary>
    public static InvokeResponse ToDialogResponse(BotReply reply) => Ok(reply switch
    {
        DialogReply dialog => new MessagingExtensionActionResponse { Task = Dialog(dialog.Title, dialog.Card) },
        ExtensionResultsReply or ExtensionSignInReply => new MessagingExtensionActionResponse { ComposeExtension = ToResult(reply) },
        TextReply text => new MessagingExtensionActionResponse { Task = new TaskModuleMessageResponse(text.Text) },

        // A problem card, or the link card of someone whose link ended during the turn: shown in the dialog.
        CardReply card => new MessagingExtensionActionResponse { Task = Dialog("Integrify", card.Card) },
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "Unknown reply kind."),
    });

    /// <summary>A problem card sent from outside the handler (the tenant gate, the error handler), in the shape of the invoke it answers.</summary>
    public static InvokeResponse? ProblemFor(string? invokeName, AdaptiveCard card) => invokeName switch
    {
        ExtensionInvokes.Query or ExtensionInvokes.QueryLink => ToSearchResponse(new CardReply(card)),
        ExtensionInvokes.FetchTask or ExtensionInvokes.SubmitAction => ToDialogResponse(new CardReply(card)),
        _ => null,
    };

    private static MessagingExtensionResult ToResult(BotReply reply) => reply switch
    {
        ExtensionResultsReply results => new MessagingExtensionResult
        {
            Type = "result",
            AttachmentLayout = "list",
            Attachments = [.. results.Results.Select(ToAttachment)],
        },
        ExtensionSignInReply { Page: { } page } => new MessagingExtensionResult
        {
            Type = "auth",
            SuggestedActions = new MessagingExtensionSuggestedAction
            {
                Actions = [new Microsoft.Bot.Schema.CardAction { Type = ActionTypes.OpenUrl, Value = page.ToString(), Title = SignInTitle }],
            },
        },
        ExtensionSignInReply signIn => Message(signIn.Text),
        TextReply text => Message(text.Text),

        // A problem card, or a link card: the flyout shows a line, so it gets the card's own summary.
        CardReply card => Message(card.Card.FallbackText ?? UnofferedInvokes.NotHere),
        DialogReply dialog => Message(dialog.Card.FallbackText ?? UnofferedInvokes.NotHere),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "Unknown reply kind."),
    };

    private static MessagingExtensionAttachment ToAttachment(ExtensionResult result) => new()
    {
        ContentType = AdaptiveCard.ContentType,
        Content = CardData.ToJObject(result.Card),
        Preview = new ThumbnailCard { Title = PlainText(result.Title), Text = result.Text is null ? null : PlainText(result.Text) }.ToAttachment(),
    };

    /// <summary>
    /// A preview's lines are read by Teams as HTML: the markup characters of Integrify's names are
    /// escaped so that they show as written and cannot add links; other characters stay as they are.
    /// </summary>
    private static string PlainText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static TaskModuleContinueResponse Dialog(string title, AdaptiveCard card) => new()
    {
        Value = new TaskModuleTaskInfo
        {
            Title = title,
            Width = "medium",
            Height = "medium",
            Card = new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardData.ToJObject(card) },
        },
    };

    private static MessagingExtensionResult Message(string text) => new() { Type = "message", Text = text };

    private static InvokeResponse Ok(object body) => new() { Status = (int)HttpStatusCode.OK, Body = body };
}
