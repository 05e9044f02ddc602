namespace Integrify.Simulator.Workflow;

/// <param name="CompletedOutcome">The request's outcome when its last step is completed.</param>
/// <param name="Starters">User names allowed to start the process; null lets everyone start it.</param>
internal sealed record ProcessDefinition(
    Guid Sid,
    string Name,
    string Description,
    string Category,
    IReadOnlyList<StepDefinition> Steps,
    string CompletedOutcome,
    IReadOnlySet<string>? Starters)
{
    public bool CanBeStartedBy(UserAccount user) => Starters is null || Starters.Contains(user.UserName);

    /// <summary>Where "Request changes" sends a request: the requester's form step, if the process has one.</summary>
    public int? SendBackStep
    {
        get
        {
            for (var index = 0; index < Steps.Count; index++)
            {
                if (Steps[index] is { Kind: TaskKind.Form, Role: StepRole.Requester })
                {
                    return index;
                }
            }

            return null;
        }
    }
}
