using System.Net;

namespace IntegrifyBot.Integrify.Errors;

/// <summary>
/// Integrify answered 409: typically the task was already completed. Who completed it and when come
/// from the error body when Integrify gives them, so the bot can say "already approved by … at …".
/// </summary>
public sealed class IntegrifyConflictException : IntegrifyException
{
    public IntegrifyConflictException(string message)
        : base(message)
    {
    }

    public IntegrifyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntegrifyConflictException(string message, string? description, string? completedBy, DateTimeOffset? completedDate)
        : base(HttpStatusCode.Conflict, message, description)
    {
        CompletedBy = completedBy;
        CompletedDate = completedDate;
    }

    public string? CompletedBy { get; }

    public DateTimeOffset? CompletedDate { get; }
}
