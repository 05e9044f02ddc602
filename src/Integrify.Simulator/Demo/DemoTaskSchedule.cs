using Integrify.Simulator.Hosting;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Demo;

/// <summary>
/// The demo's colleagues: once Alex first signs in (with <see cref="SimulatorOptions.DemoTasks"/>
/// on), one of his reports sends him a request to approve after <see cref="SimulatorOptions.DemoTaskDelay"/>,
/// and another every <see cref="SimulatorOptions.DemoTaskInterval"/>, so that a demo shows new work
/// arriving without anyone setting it up. The timer follows the simulator's clock.
/// </summary>
internal sealed class DemoTaskSchedule(SimulatorOptions options, WorkflowStore store, TimeProvider time, ILogger<DemoTaskSchedule> logger) : IDisposable
{
    private readonly Lock gate = new();
    private ITimer? timer;
    private int sent;

    /// <summary>Starts the colleagues' schedule when it is Alex's first sign-in and the demo's tasks are on.</summary>
    public void SignedIn(string userName)
    {
        if (!options.DemoTasks || !string.Equals(userName, DemoColleagueRequests.Recipient, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        lock (gate)
        {
            if (timer is not null)
            {
                return;
            }

            timer = time.CreateTimer(_ => AssignOnSchedule(), null, options.DemoTaskDelay, options.DemoTaskInterval);
        }

        SimulatorLog.DemoTasksScheduled(logger, DemoColleagueRequests.Recipient, options.DemoTaskDelay, options.DemoTaskInterval);
    }

    /// <summary>Assigns Alex the next colleague's request now.</summary>
    public AssignedTask AssignNext()
    {
        var request = DemoColleagueRequests.All[(Interlocked.Increment(ref sent) - 1) % DemoColleagueRequests.All.Count];
        var outcome = store.Assign(request.For(DemoColleagueRequests.Recipient));
        var task = outcome.Problem is { } problem
            ? throw new InvalidOperationException($"The demo's request '{request.RequestName}' does not fit the demo data: {problem.Description}")
            : outcome.Value!;
        SimulatorLog.DemoTaskAssigned(logger, request.RequesterUserName, DemoColleagueRequests.Recipient, task.TaskName, task.InstanceId, task.RequestName);
        return task;
    }

    public void Dispose()
    {
        lock (gate)
        {
            timer?.Dispose();
        }
    }

    // A timer's callback has nobody to throw to.
    private void AssignOnSchedule()
    {
        try
        {
            AssignNext();
        }
        catch (InvalidOperationException exception)
        {
            SimulatorLog.DemoTaskFailed(logger, exception);
        }
    }
}
