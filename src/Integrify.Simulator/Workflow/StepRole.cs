namespace Integrify.Simulator.Workflow;

/// <summary>Who a process step is assigned to: the requester, their manager, or a fixed department role.</summary>
internal enum StepRole
{
    Requester,
    Manager,
    Finance,
    HumanResources,
    Security,
    ItAdmin,
    Purchasing,
}
