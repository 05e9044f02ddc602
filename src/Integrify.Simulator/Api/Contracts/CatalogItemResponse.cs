namespace Integrify.Simulator.Api.Contracts;

/// <summary>R1 and P1: a process or a report.</summary>
internal sealed record CatalogItemResponse(string Sid, string Name, string Description, string Category);
