using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Auth;

/// <summary>The user a JWT belongs to, or why it is refused.</summary>
internal sealed record TokenCheck(UserAccount? User, string? TokenId, string? Problem)
{
    public static TokenCheck Refused(string problem) => new(null, null, problem);
}
