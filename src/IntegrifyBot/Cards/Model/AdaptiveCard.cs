using System.Text.Json.Serialization;

namespace IntegrifyBot.Cards.Model;

/// <summary>
/// An Adaptive Card on schema 1.5, the newest version every Teams client renders.
/// </summary>
public sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Version => SchemaVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Lets Teams fetch a per-user version of a card shared in a group chat or channel.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>What notifications and clients that cannot render cards show instead.</summary>
    public string? FallbackText { get; init; }

    public string? Speak { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardOptions? Teams { get; init; }
}
