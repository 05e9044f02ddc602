namespace Integrify.Simulator.Api.Contracts;

internal sealed record CommentResponse(string Comment, string Author, DateTimeOffset Date);
