using System.Text.Json.Serialization;

namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>T3: the choice and comment, in the field names of Integrify's legacy API.</summary>
public sealed record ApprovalDecision(
    [property: JsonPropertyName("Approval")] string Approval,
    [property: JsonPropertyName("Comments")] string? Comments);
