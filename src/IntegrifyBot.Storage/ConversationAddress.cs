using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Storage;

/// <summary>Where a proactive message to a user goes: their personal chat with the bot.</summary>
public sealed record ConversationAddress(IntegrifyUser User, string ConversationId, string ServiceUrl, string BotId);
