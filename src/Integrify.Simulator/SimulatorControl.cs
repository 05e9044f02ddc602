using Integrify.Simulator.Api;
using Integrify.Simulator.Auth;
using Integrify.Simulator.Demo;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator;

/// <summary>
/// What the control API does, for code that hosts the simulator in-process: new tasks, expired
/// sign-ins, completing any task as its holder, changing an approval's choices, and a reset to the demo data.
/// </summary>
public sealed class SimulatorControl
{
    private readonly WorkflowStore store;
    private readonly TokenService tokens;
    private readonly RefreshTokenStore refreshTokens;
    private readonly FaultInjector faults;
    private readonly CallCounters counters;
    private readonly UserDirectory users;
    private readonly DemoTaskSchedule demoTasks;

    internal SimulatorControl(WorkflowStore store, TokenService tokens, RefreshTokenStore refreshTokens, FaultInjector faults, CallCounters counters, UserDirectory users, DemoTaskSchedule demoTasks)
    {
        this.demoTasks = demoTasks;
        this.store = store;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.faults = faults;
        this.counters = counters;
        this.users = users;
    }

    /// <summary>When the demo data was last seeded: the "now" its due dates were counted from.</summary>
    public DateTimeOffset SeededAt => store.SeededAt;

    /// <exception cref="ArgumentException">The user, task type, process or requester is unknown.</exception>
    public AssignedTask AssignTask(TaskAssignment assignment) => Unwrap(store.Assign(assignment));

    /// <summary>
    /// The next of the demo's new tasks for Alex, now: an approval a colleague asks of him, the same
    /// series <see cref="SimulatorOptions.DemoTasks"/> sends on its schedule.
    /// </summary>
    public AssignedTask AssignDemoTask() => demoTasks.AssignNext();

    /// <summary>Every JWT and refresh token of the user stops working at once.</summary>
    /// <exception cref="ArgumentException">There is no such user.</exception>
    public TokenRevocation ExpireTokens(string userName) => Unwrap(TryExpireTokens(userName));

    /// <summary>Completes an open task as its holder would; an approval takes <paramref name="value"/> or its approving choice.</summary>
    /// <exception cref="ArgumentException">There is no such open task, or the value is not one of its choices.</exception>
    public void CompleteTask(string recipientTaskSid, string? value = null, string? comment = null) =>
        Unwrap(store.CompleteAsHolder(recipientTaskSid, value, comment));

    /// <summary>Changes what an open approval offers, as an administrator editing its process would.</summary>
    /// <exception cref="ArgumentException">There is no such open approval, or the choices are not valid.</exception>
    public void ChangeChoices(string recipientTaskSid, params OfferedChoice[] choices) =>
        Unwrap(store.ChangeChoices(recipientTaskSid, new ChoiceChange(choices)));

    /// <exception cref="ArgumentException">There is no such user.</exception>
    public IReadOnlyList<OpenTaskInfo> OpenTasks(string userName) => Unwrap(store.OpenTasks(userName));

    /// <summary>Puts the demo data back as seeded (dates from now), clears faults and counters. Sign-ins stay valid.</summary>
    public DateTimeOffset Reset()
    {
        faults.Clear();
        counters.Clear();
        return store.Reset();
    }

    internal Outcome<TokenRevocation> TryExpireTokens(string userName)
    {
        var user = users.Find(userName);
        if (user is null)
        {
            return ApiProblem.NotFound($"There is no user '{userName}'.");
        }

        return new TokenRevocation(user.UserName, tokens.RevokeAll(user.UserName), refreshTokens.RevokeAll(user.UserName));
    }

    private static T Unwrap<T>(Outcome<T> outcome) =>
        outcome.Problem is { } problem ? throw new ArgumentException(problem.Description) : outcome.Value!;
}
