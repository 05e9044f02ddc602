namespace Integrify.Simulator.Api.Contracts;

internal sealed record PagedResponse<T>(int Total, IReadOnlyList<T> Items);
