namespace Integrify.Simulator.Api.Contracts;

internal sealed record ChoiceResponse(string Value, string Label);
