namespace IntegrifyBot.Features.Tasks;

/// <summary>A line above the list saying what just happened to a task, good or bad.</summary>
/// <param name="Text">As the person who acted reads it ("You chose …").</param>
/// <param name="IsProblem">Whether it says that something could not be done.</param>
/// <param name="Done">What was done, as the others in a shared conversation read it ("chose … on …"), or null when nothing was.</param>
public sealed record TaskNotice(string Text, bool IsProblem, string? Done = null);
