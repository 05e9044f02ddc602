using System.Net;

namespace IntegrifyBot.Integrify.Errors;

/// <summary>Integrify refused the call as invalid (400), for example a missing required comment.</summary>
public sealed class IntegrifyBadRequestException : IntegrifyException
{
    public IntegrifyBadRequestException(string message)
        : base(message)
    {
    }

    public IntegrifyBadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntegrifyBadRequestException(HttpStatusCode? status, string message, string? description)
        : base(status, message, description)
    {
    }
}
