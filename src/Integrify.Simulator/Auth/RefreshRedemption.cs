using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Auth;

/// <summary>The user whose refresh token was spent; on refusal, the user it belonged to if known (for the counters) and why.</summary>
internal sealed record RefreshRedemption(UserAccount? User, bool Accepted, string? Problem);
