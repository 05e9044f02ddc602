namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>T8: a comment to add to a request.</summary>
public sealed record NewComment(string InstanceSid, string Comment);
