using Integrify.Simulator.Api;
using Integrify.Simulator.Demo;
using Integrify.Simulator.Faults;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Control;

/// <summary>
/// The test control API under <c>/_sim/</c>. It has no authentication: it is mapped only when
/// <see cref="SimulatorOptions.ControlApi"/> is on, for tests and local demos.
/// </summary>
internal static class ControlEndpoints
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");
        sim.MapPost("/tasks", (TaskAssignment? assignment, WorkflowStore store) =>
            store.Assign(assignment).ToResult(task => Results.Json(task, statusCode: StatusCodes.Status201Created)));
        sim.MapPost("/demo/tasks", (DemoTaskSchedule demoTasks) => Results.Json(demoTasks.AssignNext(), statusCode: StatusCodes.Status201Created));
        sim.MapPost("/tasks/{recipientTaskSid}/complete", (string recipientTaskSid, CompletionOrder? order, WorkflowStore store) =>
            store.CompleteAsHolder(recipientTaskSid, order?.Value, order?.Comment).ToResult());
        sim.MapPut("/tasks/{recipientTaskSid}/choices", (string recipientTaskSid, ChoiceChange? change, WorkflowStore store) =>
            store.ChangeChoices(recipientTaskSid, change).ToResult());
        sim.MapGet("/users/{userName}/tasks", (string userName, WorkflowStore store) => store.OpenTasks(userName).ToResult());
        sim.MapPost("/users/{userName}/expire-tokens", (string userName, SimulatorControl control) => control.TryExpireTokens(userName).ToResult());
        sim.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.List()));
        sim.MapPost("/faults", AddFault);
        sim.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        sim.MapDelete("/faults/{id}", (string id, FaultInjector faults) =>
            faults.Remove(id) ? Results.NoContent() : ApiProblem.NotFound($"There is no fault rule '{id}'.").ToResult());
        sim.MapGet("/counters", (CallCounters counters) => Results.Json(counters.Snapshot()));
        sim.MapDelete("/counters", (CallCounters counters) =>
        {
            counters.Clear();
            return Results.NoContent();
        });
        sim.MapPost("/reset", (SimulatorControl control) => Results.Json(new { seededAt = control.Reset() }));
    }

    private static IResult AddFault(FaultSpec? spec, FaultInjector faults)
    {
        if (spec is null)
        {
            return ApiProblem.BadRequest("Send a fault rule: {\"pathPrefix\",\"latencyMs\",\"status\",\"rate\",\"retryAfterSeconds\",\"drop\",\"times\"}.").ToResult();
        }

        return FaultSpecValidator.Problem(spec) is { } problem
            ? ApiProblem.BadRequest(problem).ToResult()
            : Results.Json(faults.Add(spec), statusCode: StatusCodes.Status201Created);
    }
}
