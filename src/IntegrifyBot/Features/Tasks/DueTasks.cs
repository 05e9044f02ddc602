namespace IntegrifyBot.Features.Tasks;

/// <summary>The user's tasks due by a moment, the soonest with their buttons; <paramref name="Overdue"/> of all of them already are.</summary>
public sealed record DueTasks(TaskListPage Page, int Overdue);
