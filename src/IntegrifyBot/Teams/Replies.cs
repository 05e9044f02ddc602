using IntegrifyBot.Cards.Model;
using IntegrifyBot.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>Turns a feature's <see cref="BotReply"/> into what Teams expects: an activity or an invoke answer.</summary>
internal static class Replies
{
    private const string MessageResponseType = "application/vnd.microsoft.activity.message";

    public static IMessageActivity ToActivity(BotReply reply) => reply switch
    {
        CardReply card => ToActivity(card.Card),
        TextReply text => MessageFactory.Text(text.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "Unknown reply kind."),
    };

    public static IMessageActivity ToActivity(AdaptiveCard card)
    {
        var activity = MessageFactory.Attachment(new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardData.ToJObject(card) });
        activity.Summary = card.FallbackText;
        return activity;
    }

    public static AdaptiveCardInvokeResponse ToInvokeResponse(BotReply reply) => reply switch
    {
        CardReply card => ToInvokeResponse(card.Card),
        TextReply text => new AdaptiveCardInvokeResponse { StatusCode = 200, Type = MessageResponseType, Value = text.Text },
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "Unknown reply kind."),
    };

    public static AdaptiveCardInvokeResponse ToInvokeResponse(AdaptiveCard card) =>
        new() { StatusCode = 200, Type = AdaptiveCard.ContentType, Value = CardData.ToJObject(card) };

    /// <summary>
    /// An invoke answer sent from outside the handler (the tenant gate, the error handler), in the
    /// shape the invoke's surface expects: a card in place, a line in the compose box, or a dialog.
    /// </summary>
    public static Activity InvokeResponseActivity(string? invokeName, AdaptiveCard card) => new()
    {
        Type = ActivityTypesEx.InvokeResponse,
        Value = ExtensionReplies.ProblemFor(invokeName, card) ?? new InvokeResponse { Status = 200, Body = ToInvokeResponse(card) },
    };
}
