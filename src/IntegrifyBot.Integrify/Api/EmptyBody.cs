namespace IntegrifyBot.Integrify.Api;

/// <summary>The empty JSON object some calls expect as their body (T5).</summary>
public sealed record EmptyBody
{
    public static EmptyBody Instance { get; } = new();
}
