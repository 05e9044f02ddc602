namespace IntegrifyBot.Features.Tasks;

/// <summary>A line above the list saying what just happened to a task, good or bad.</summary>
public sealed record TaskNotice(string Text, bool IsProblem);
