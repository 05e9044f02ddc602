namespace Integrify.Simulator.Demo;

/// <summary>A request one of Alex's reports sends him to approve, as the demo's colleagues do.</summary>
internal sealed record DemoColleagueRequest(string ProcessName, string RequesterUserName, string RequestName, string Priority)
{
    public TaskAssignment For(string recipient) => new()
    {
        UserName = recipient,
        TaskType = "approval",
        ProcessName = ProcessName,
        RequesterUserName = RequesterUserName,
        RequestName = RequestName,
        Priority = Priority,
    };
}
