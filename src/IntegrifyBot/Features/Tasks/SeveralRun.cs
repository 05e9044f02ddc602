using IntegrifyBot.Cards;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// Several tasks being decided: each one's outcome as it is known, and when all are. The outcomes
/// are written by the deciding workers and read by whoever draws the card, at any moment.
/// </summary>
public sealed class SeveralRun
{
    private readonly CardNotice?[] outcomes;

    internal SeveralRun(IReadOnlyList<OfferedTask> tasks)
    {
        Tasks = tasks;
        outcomes = new CardNotice?[tasks.Count];
    }

    public IReadOnlyList<OfferedTask> Tasks { get; }

    /// <summary>Done when every task's outcome is known; it never fails.</summary>
    public Task Finished { get; internal set; } = Task.CompletedTask;

    /// <summary>Each task with its outcome so far: null while it is still being decided.</summary>
    public IReadOnlyList<(OfferedTask Task, CardNotice? Outcome)> Snapshot() =>
        [.. Tasks.Select((task, index) => (task, Volatile.Read(ref outcomes[index])))];

    internal void Set(int index, CardNotice outcome) => Volatile.Write(ref outcomes[index], outcome);
}
