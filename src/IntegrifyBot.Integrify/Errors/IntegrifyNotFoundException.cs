using System.Net;

namespace IntegrifyBot.Integrify.Errors;

/// <summary>What the call names does not exist in Integrify (404), or is not visible to the user.</summary>
public sealed class IntegrifyNotFoundException : IntegrifyException
{
    public IntegrifyNotFoundException(string message)
        : base(message)
    {
    }

    public IntegrifyNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntegrifyNotFoundException(HttpStatusCode? status, string message, string? description)
        : base(status, message, description)
    {
    }
}
