using System.Net;

namespace IntegrifyBot.Integrify.Errors;

/// <summary>
/// Integrify did not answer usefully in time: a 5xx, a 429, a timeout, a refused connection or an
/// open circuit. Trying again later may work; <see cref="RetryAfter"/> says when, if Integrify did.
/// </summary>
public sealed class IntegrifyUnavailableException : IntegrifyException
{
    public IntegrifyUnavailableException(string message)
        : base(message)
    {
    }

    public IntegrifyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntegrifyUnavailableException(HttpStatusCode? status, string message, string? description, TimeSpan? retryAfter, Exception? innerException = null)
        : base(status, message, description, innerException)
    {
        RetryAfter = retryAfter;
    }

    public TimeSpan? RetryAfter { get; }
}
