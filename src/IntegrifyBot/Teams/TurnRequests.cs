using IntegrifyBot.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace IntegrifyBot.Teams;

/// <summary>Reads who, where and in which locale a turn happens from a Teams activity.</summary>
internal static class TurnRequests
{
    /// <summary>
    /// The turn as features see it, able to look up the sender's profile through <paramref name="profiles"/>
    /// and to update the clicked card later through <paramref name="updates"/>.
    /// </summary>
    public static BotRequest From(ITurnContext turnContext, SenderProfiles profiles, ClickedCardUpdates updates) =>
        From((Activity)turnContext.Activity) with { LookUpSender = profiles.For(turnContext), UpdateClickedCard = updates.For(turnContext) };

    public static BotRequest From(Activity activity)
    {
        var from = activity.From ?? new ChannelAccount();
        var conversation = activity.Conversation ?? new ConversationAccount();
        return new BotRequest(
            new TurnUser(from.Id ?? string.Empty, from.AadObjectId, from.Name),
            new TurnConversation(conversation.Id ?? string.Empty, KindOf(conversation), TenantOf(activity)))
        {
            Locale = string.IsNullOrWhiteSpace(activity.Locale) ? "en-US" : activity.Locale,
            TimeZone = TimeZoneOf(activity),
        };
    }

    /// <summary>Teams puts the tenant in channelData; some activities carry it on the conversation only.</summary>
    public static string? TenantOf(IActivity activity) =>
        (activity.ChannelData is JObject ? ReadTenant(activity) : null) ?? activity.Conversation?.TenantId;

    private static string? ReadTenant(IActivity activity)
    {
        try
        {
            return activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static ConversationKind KindOf(ConversationAccount conversation) => conversation.ConversationType switch
    {
        "channel" => ConversationKind.Channel,
        "groupChat" => ConversationKind.GroupChat,
        _ when conversation.IsGroup == true => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };

    // Teams sends the client's time zone in a "clientInfo" entity on messages and invokes.
    private static string? TimeZoneOf(Activity activity) =>
        activity.Entities?
            .Where(entity => string.Equals(entity.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))
            .Select(entity => entity.Properties?["timezone"]?.Type == JTokenType.String ? (string?)entity.Properties["timezone"] : null)
            .FirstOrDefault(zone => !string.IsNullOrWhiteSpace(zone));
}
