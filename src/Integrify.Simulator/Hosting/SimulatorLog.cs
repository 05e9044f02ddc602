namespace Integrify.Simulator.Hosting;

/// <summary>Everything the simulator logs. None of it carries a password, token or API key.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Integrify simulator serving tenant '{Tenant}'; control API {ControlApi}")]
    public static partial void Serving(ILogger logger, string tenant, string controlApi);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The control API under /_sim/ is on and has no authentication: keep this simulator on 127.0.0.1")]
    public static partial void ControlApiOn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call to {Route} failed")]
    public static partial void CallFailed(ILogger logger, string route, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Requester} sent {Recipient} a new task: {TaskName} on request #{InstanceId} ({RequestName})")]
    public static partial void DemoTaskAssigned(ILogger logger, string requester, string recipient, string taskName, long instanceId, string requestName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Recipient} signed in; colleagues send new tasks in {Delay}, then every {Interval}")]
    public static partial void DemoTasksScheduled(ILogger logger, string recipient, TimeSpan delay, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo: a colleague's new task could not be assigned")]
    public static partial void DemoTaskFailed(ILogger logger, Exception exception);
}
