namespace IntegrifyBot.Integrify.Api;

/// <summary>
/// The bot's key for a person whose Integrify account is linked: their Teams tenant and their Azure AD
/// object id (or, where Teams gives none, their Teams user id). Every authenticated call carries it in
/// its request options, so the authentication handler looks up that person's token and no call can
/// borrow another person's. The tenant is part of the key because ids are only unique within one.
/// </summary>
public sealed record IntegrifyUser
{
    /// <summary>The request option (Refit [Property]) that carries the user.</summary>
    public const string RequestOption = "integrify.user";

    public IntegrifyUser(string teamsTenantId, string userId)
    {
        ArgumentNullException.ThrowIfNull(teamsTenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        TeamsTenantId = teamsTenantId;
        UserId = userId;
    }

    /// <summary>The Teams (Azure AD) tenant; empty where a channel has no tenants, such as the emulator.</summary>
    public string TeamsTenantId { get; }

    /// <summary>The Azure AD object id, or the Teams user id when the activity carries none.</summary>
    public string UserId { get; }

    public override string ToString() => TeamsTenantId.Length == 0 ? UserId : $"{TeamsTenantId}/{UserId}";
}
