namespace Integrify.Simulator.Control;

/// <summary>The optional body of <c>POST /_sim/tasks/{sid}/complete</c>: an approval's value and a comment.</summary>
internal sealed record CompletionOrder(string? Value, string? Comment);
