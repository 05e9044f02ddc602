namespace Integrify.Simulator.Workflow;

/// <summary>The task types the simulator's processes use; their API names are in <see cref="TaskKinds"/>.</summary>
internal enum TaskKind
{
    Approval,
    Form,
    OpenUrl,
    Milestone,
}
