namespace Integrify.Simulator.Faults;

internal static class FaultSpecValidator
{
    public const int MaxLatencyMs = 60_000;

    public static string? Problem(FaultSpec spec)
    {
        if (string.IsNullOrEmpty(spec.PathPrefix) || !spec.PathPrefix.StartsWith('/'))
        {
            return "pathPrefix must start with '/'.";
        }

        if (spec.LatencyMs is < 0 or > MaxLatencyMs)
        {
            return $"latencyMs must be from 0 to {MaxLatencyMs}.";
        }

        if (spec.Status is { } status && status != 429 && status is < 500 or > 599)
        {
            return "status must be 429 or from 500 to 599.";
        }

        if (double.IsNaN(spec.Rate) || spec.Rate is < 0 or > 1)
        {
            return "rate must be from 0 to 1.";
        }

        if (spec.RetryAfterSeconds is < 0 or > 3600)
        {
            return "retryAfterSeconds must be from 0 to 3600.";
        }

        if (spec.Times is < 1)
        {
            return "times must be 1 or more.";
        }

        if (spec.Drop && spec.Status is not null)
        {
            return "A rule either drops the connection or answers with a status, not both.";
        }

        return spec.LatencyMs == 0 && spec.Status is null && !spec.Drop ? "A rule needs latencyMs, status or drop." : null;
    }
}
