namespace Integrify.Simulator.Demo;

/// <summary>
/// What Alex's reports ask him to approve in the demo, in this order and then again: each is the
/// manager's approval of one of the demo processes, from someone who reports to him.
/// </summary>
internal static class DemoColleagueRequests
{
    /// <summary>Who gets them: the Teams emulator's own user.</summary>
    public const string Recipient = "alexw";

    public static IReadOnlyList<DemoColleagueRequest> All { get; } =
    [
        new(DemoProcesses.PurchaseRequest, "meganb", "Ergonomic chair – Megan", "Normal"),
        new(DemoProcesses.TimeOff, "adelev", "Long weekend – Adele", "Normal"),
        new(DemoProcesses.ItAccess, "isaiahl", "Azure DevOps access – Isaiah", "High"),
        new(DemoProcesses.ExpenseReport, "meganb", "Recruiting fair travel – Megan", "Normal"),
    ];
}
