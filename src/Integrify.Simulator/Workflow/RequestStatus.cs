namespace Integrify.Simulator.Workflow;

internal enum RequestStatus
{
    Started,
    Completed,
    Canceled,
}
