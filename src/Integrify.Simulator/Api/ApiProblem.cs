using Integrify.Simulator.Api.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace Integrify.Simulator.Api;

/// <summary>An error answer in Integrify's shape, with who and when for a task that was already completed.</summary>
internal sealed record ApiProblem(int Status, string Description)
{
    public string? CompletedBy { get; init; }

    public DateTimeOffset? CompletedDate { get; init; }

    private bool IsCompletionConflict { get; init; }

    public static ApiProblem BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);

    public static ApiProblem Unauthorized(string description) => new(StatusCodes.Status401Unauthorized, description);

    public static ApiProblem Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);

    public static ApiProblem NotFound(string description) => new(StatusCodes.Status404NotFound, description);

    public static ApiProblem Conflict(string description) => new(StatusCodes.Status409Conflict, description);

    public static ApiProblem AlreadyCompleted(string completedBy, DateTimeOffset completedDate) =>
        new(StatusCodes.Status409Conflict, $"Already completed by {completedBy} at {UtcDates.Format(completedDate)}")
        {
            CompletedBy = completedBy,
            CompletedDate = completedDate,
            IsCompletionConflict = true,
        };

    public object Body => IsCompletionConflict
        ? new CompletionConflictError(Status, ReasonPhrases.GetReasonPhrase(Status), Description, CompletedBy, CompletedDate)
        : new ApiError(Status, ReasonPhrases.GetReasonPhrase(Status), Description);

    public IResult ToResult() => Results.Json(Body, statusCode: Status);
}
