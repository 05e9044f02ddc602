namespace IntegrifyBot.Routing;

/// <summary>What Teams' member directory says about the sender, for linking by email or UPN.</summary>
public sealed record MemberProfile(string? Email, string? UserPrincipalName, string? Name);
