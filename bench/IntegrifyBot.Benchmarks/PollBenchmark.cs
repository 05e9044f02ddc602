using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Benchmarks;

/// <summary>
/// A poll cycle over every linked person against its baseline: the same people's open tasks (T1)
/// read through the same Integrify client at the same concurrency, without the outbox's and the
/// settings' bookkeeping around each read.
/// </summary>
internal static class PollBenchmark
{
    public static async Task RunAsync(CrowdBot crowd, int rounds, TextWriter output, CancellationToken cancellationToken)
    {
        var poller = crowd.Service<NotificationPoller>();
        var concurrency = crowd.Service<IOptions<NotificationsOptions>>().Value.PollConcurrency;
        var (first, firstCost) = await PhaseCost.MeasureAsync(() => poller.PollOnceAsync(cancellationToken));
        output.WriteLine($"first poll cycle ({first.Users} people; it records what is already open): {firstCost.Describe()}");

        for (var round = 1; round <= rounds; round++)
        {
            var (read, bare) = await PhaseCost.MeasureAsync(() => BareReadsAsync(crowd, concurrency, cancellationToken));
            var (cycle, cost) = await PhaseCost.MeasureAsync(() => poller.PollOnceAsync(cancellationToken));
            output.WriteLine($"round {round}: bare T1 reads of {read} people at concurrency {concurrency}: {bare.Describe()}");
            output.WriteLine($"round {round}: poll cycle over {cycle.Users} people ({cycle.Queued} queued, {cycle.Skipped} skipped): {cost.Against(bare)}");
        }
    }

    /// <summary>What a poll cycle cannot do without: everyone linked, and each one's first page of open tasks.</summary>
    private static async Task<int> BareReadsAsync(CrowdBot crowd, int concurrency, CancellationToken cancellationToken)
    {
        var tasks = crowd.Service<IIntegrifyTasksApi>();
        var everyone = await crowd.Service<LinkedUsers>().AllAsync(cancellationToken);
        var read = 0;
        await Parallel.ForEachAsync(
            everyone,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (user, token) =>
            {
                var page = await tasks.ListMyTasksAsync(user, new ListQuery { Start = 0, Count = 100 }, token);
                if (page.Total >= 0)
                {
                    Interlocked.Increment(ref read);
                }
            });
        return read;
    }
}
