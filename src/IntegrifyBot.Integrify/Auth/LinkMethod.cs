namespace IntegrifyBot.Integrify.Auth;

/// <summary>How a user's Integrify account was linked, which decides how an expired token is renewed.</summary>
public enum LinkMethod
{
    /// <summary>Username and password, used once: renewed with the single-use refresh token (A2).</summary>
    Password,

    /// <summary>The user's personal API key: renewed by impersonating with it again (A3).</summary>
    PersonalApiKey,

    /// <summary>The deployment's organisation key: renewed by impersonating the user with it (A4).</summary>
    OrganizationKey,
}
