using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Auth;

/// <summary>Who is calling, and with which JWT (none for the sign-in calls themselves).</summary>
internal sealed record Caller(UserAccount User, string? TokenId);
