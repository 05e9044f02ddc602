namespace IntegrifyBot.Routing;

/// <summary>Where a turn happens; cards shared with several people behave differently from personal ones.</summary>
public enum ConversationKind
{
    Personal,
    GroupChat,
    Channel,
}
