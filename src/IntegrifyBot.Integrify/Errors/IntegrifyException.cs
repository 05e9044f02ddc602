using System.Net;

namespace IntegrifyBot.Integrify.Errors;

/// <summary>
/// A call to Integrify that did not succeed, with Integrify's own words for why (its error body's
/// "message" and "description"). The derived types say what the bot should do about it.
/// </summary>
public class IntegrifyException : Exception
{
    public IntegrifyException(string message)
        : base(message)
    {
    }

    public IntegrifyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntegrifyException(HttpStatusCode? status, string message, string? description, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Description = description;
    }

    public HttpStatusCode? Status { get; }

    /// <summary>Integrify's explanation, fit to show to the user (it never carries a secret).</summary>
    public string? Description { get; }
}
