namespace IntegrifyBot.Routing;

public sealed record TurnConversation(string Id, ConversationKind Kind, string? TenantId);
