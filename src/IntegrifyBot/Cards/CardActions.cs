using System.Text.Json.Nodes;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Cards;

/// <summary>
/// Builds the card buttons that call back into the bot. Each is a Universal Action (Action.Execute)
/// that falls back to Action.Submit on clients without Universal Actions; both carry the verb in
/// their data too, because Action.Submit has no verb of its own.
/// </summary>
public static class CardActions
{
    /// <summary>The data key that names the verb when a button arrives as Action.Submit.</summary>
    public const string VerbKey = "verb";

    public static ExecuteAction Execute<TData>(string title, string verb, TData data, ActionStyle? style = null)
        where TData : class =>
        Execute(title, verb, CardJson.ToJsonObject(data), style);

    public static ExecuteAction Execute(string title, string verb, JsonObject? data = null, ActionStyle? style = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        var payload = data is null ? [] : (JsonObject)data.DeepClone();
        payload[VerbKey] = verb;
        return new ExecuteAction(verb)
        {
            Title = title,
            Style = style,
            Data = payload,
            Fallback = Fallback.With<CardAction>(new SubmitAction
            {
                Title = title,
                Style = style,
                Data = (JsonObject)payload.DeepClone(),
            }),
        };
    }
}
