namespace Integrify.Simulator.Workflow;

/// <param name="Milestone">The request's milestone after this choice, for choices that end or send back.</param>
internal sealed record ApprovalChoiceDefinition(
    string Value,
    string Label,
    ChoiceEffect Effect,
    bool CommentRequired = false,
    string? Milestone = null);
