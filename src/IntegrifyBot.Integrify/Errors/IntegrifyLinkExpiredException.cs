using System.Net;

namespace IntegrifyBot.Integrify.Errors;

/// <summary>
/// The user must sign in to Integrify again: they never linked, their link was removed, or their
/// refresh token or API key no longer works. The bot answers with its sign-in card.
/// </summary>
public class IntegrifyLinkExpiredException : IntegrifyException
{
    public IntegrifyLinkExpiredException(string message)
        : base(HttpStatusCode.Unauthorized, message, description: null)
    {
    }

    public IntegrifyLinkExpiredException(string message, Exception innerException)
        : base(HttpStatusCode.Unauthorized, message, description: null, innerException)
    {
    }

    public IntegrifyLinkExpiredException(HttpStatusCode? status, string message, string? description)
        : base(status, message, description)
    {
    }
}
