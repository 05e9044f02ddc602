namespace Integrify.Simulator.Api.Contracts;

/// <summary>T3, in the legacy API's field names; reading is case-insensitive.</summary>
internal sealed record ApprovalBody(string? Approval, string? Comments);
