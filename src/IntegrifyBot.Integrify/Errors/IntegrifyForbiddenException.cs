using System.Net;

namespace IntegrifyBot.Integrify.Errors;

/// <summary>The user may not do this in Integrify (403): for example a task that is no longer theirs.</summary>
public sealed class IntegrifyForbiddenException : IntegrifyException
{
    public IntegrifyForbiddenException(string message)
        : base(message)
    {
    }

    public IntegrifyForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntegrifyForbiddenException(HttpStatusCode? status, string message, string? description)
        : base(status, message, description)
    {
    }
}
