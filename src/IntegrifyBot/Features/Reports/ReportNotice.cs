namespace IntegrifyBot.Features.Reports;

/// <summary>A line at the top of the reports card: what just happened, or what went wrong.</summary>
public sealed record ReportNotice(string Text, bool IsProblem);
