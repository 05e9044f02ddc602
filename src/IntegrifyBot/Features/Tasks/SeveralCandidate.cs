using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Tasks;

/// <summary>An open approval on the checklist, and whether its choice of the meaning needs a comment.</summary>
public sealed record SeveralCandidate(TaskItem Task, bool NeedsComment);
