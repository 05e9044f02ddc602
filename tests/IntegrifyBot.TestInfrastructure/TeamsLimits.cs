namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Teams' published limits for a bot's messages, as a <see cref="LocalConnector"/> enforces them:
/// per conversation 7 a second and 60 in 30 seconds, per tenant 30 a second.
/// </summary>
public sealed record TeamsLimits
{
    public int ConversationPerSecond { get; init; } = 7;

    public int ConversationPer30Seconds { get; init; } = 60;

    public int TenantPerSecond { get; init; } = 30;

    /// <summary>Teams' limits as published.</summary>
    public static TeamsLimits Published { get; } = new();
}
