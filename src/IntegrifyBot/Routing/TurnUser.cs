namespace IntegrifyBot.Routing;

/// <summary>
/// The person a turn comes from, as Teams identifies them. <see cref="AadObjectId"/> is stable across
/// chats and is what ties a Teams user to their linked Integrify account.
/// </summary>
public sealed record TurnUser(string Id, string? AadObjectId, string? Name);
