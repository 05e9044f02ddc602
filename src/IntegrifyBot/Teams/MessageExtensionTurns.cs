using IntegrifyBot.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// The message extension's invokes (a search in the compose box, a pasted link, an action command's
/// dialog) sent to the router, and its answers sent back in the shape each surface expects.
/// </summary>
internal sealed class MessageExtensionTurns(BotRouter router, SenderProfiles profiles, ClickedCardUpdates updates)
{
    /// <summary>The answer to a message-extension invoke, or null for an invoke of another kind.</summary>
    public async Task<InvokeResponse?> AnswerAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Name is not (ExtensionInvokes.Query or ExtensionInvokes.QueryLink or ExtensionInvokes.FetchTask or ExtensionInvokes.SubmitAction))
        {
            return null;
        }

        var turn = TurnRequests.From(turnContext, profiles, updates);
        var value = CardData.ToJsonElement(activity.Value);
        return activity.Name switch
        {
            ExtensionInvokes.Query => ExtensionReplies.ToSearchResponse(
                await router.HandleSearchAsync(turn, ExtensionInvokes.ReadQuery(value), ExtensionInvokes.ReadState(value), cancellationToken)),
            ExtensionInvokes.QueryLink => ExtensionReplies.ToSearchResponse(
                await router.HandleLinkAsync(turn, ExtensionInvokes.ReadLink(value), ExtensionInvokes.ReadState(value), cancellationToken)),
            ExtensionInvokes.FetchTask => ExtensionReplies.ToDialogResponse(
                await router.HandleDialogOpenAsync(turn, ExtensionInvokes.ReadOpening(value), ExtensionInvokes.ReadState(value), cancellationToken)),
            _ => ExtensionReplies.ToDialogResponse(
                await router.HandleDialogSubmitAsync(turn, ExtensionInvokes.ReadSubmission(value), cancellationToken)),
        };
    }
}
