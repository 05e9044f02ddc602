namespace Integrify.Simulator.Workflow;

internal enum RecipientTaskStatus
{
    Open,
    Completed,
    Canceled,
}
