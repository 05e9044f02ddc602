namespace IntegrifyBot.Routing;

/// <summary>Why a turn needs the user to (re)link their Integrify account.</summary>
public enum SignInReason
{
    /// <summary>The user has no link (never linked, or signed out).</summary>
    NotLinked,

    /// <summary>The link exists but Integrify no longer accepts it (refresh token or key revoked or expired).</summary>
    Expired,
}
