using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.Benchmarks;

/// <summary>
/// A backlog of notifications, one each for as many people, sent to a connector that enforces
/// Teams' limits: the rate Teams took them at, against the tenant's limit, and whether any was
/// refused, lost or sent twice.
/// </summary>
internal static class SendBenchmark
{
    public static async Task<bool> RunAsync(CrowdBot crowd, int notifications, int tenantPerSecond, TextWriter output, CancellationToken cancellationToken)
    {
        var queued = await crowd.QueueAsync(notifications, 1, cancellationToken);
        var states = await crowd.SettledAsync(TimeSpan.FromSeconds(60 + (3.0 * notifications / tenantPerSecond)), cancellationToken);

        var delivered = crowd.Delivered();
        var duplicates = delivered.Count - delivered.Distinct().Count();
        var missing = queued.Except(delivered).Count();
        var notSent = states.Where(state => state.Key is NotificationState.Pending or NotificationState.Failed or NotificationState.Dead).Sum(state => state.Value);
        var accepted = crowd.Connector.History.Where(call => call.Method == "POST" && call.Status == 200).Select(call => call.At).Order().ToList();

        // The steady period leaves out the first and last tenth: the sender starting up and the last few stragglers.
        var from = accepted.Count / 10;
        var to = accepted.Count - 1 - (accepted.Count / 10);
        var steady = to > from ? (to - from) / (accepted[to] - accepted[from]).TotalSeconds : 0;
        var overall = accepted.Count > 1 ? (accepted.Count - 1) / (accepted[^1] - accepted[0]).TotalSeconds : 0;
        output.WriteLine(FormattableString.Invariant(
            $"delivered {steady:F1}/s = {steady / tenantPerSecond:F2} of Teams' {tenantPerSecond}/s limit (steady period; {overall:F1}/s from first to last of {accepted.Count})"));
        output.WriteLine($"429s: {crowd.Connector.Throttled}; duplicates: {duplicates}; not delivered: {missing}; rows not sent: {notSent}");
        return duplicates == 0 && missing == 0 && notSent == 0;
    }
}
