namespace Integrify.Simulator.Workflow;

internal sealed record CommentEntry(string Text, UserAccount Author, DateTimeOffset Date);
