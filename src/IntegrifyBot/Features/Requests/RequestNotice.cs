namespace IntegrifyBot.Features.Requests;

/// <summary>A line above a request card saying what just happened, good or bad.</summary>
public sealed record RequestNotice(string Text, bool IsProblem);
