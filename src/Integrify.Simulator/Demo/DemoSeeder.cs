using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Demo;

/// <summary>Builds the demo tenant as of a moment: the same sids and rows on every run, dates relative to that moment.</summary>
internal static class DemoSeeder
{
    private const int SidSeed = 20_250_101;

    public static TenantData Create(DateTimeOffset now, UserDirectory users)
    {
        var data = new TenantData(now, users, DemoUsers.RoleHolders)
        {
            Processes = DemoProcesses.Create(),
            Reports = DemoReports.Create(now),
        };
        var ids = new DeterministicIds(SidSeed);
        data.NewSid = ids.Next;
        DemoRequests.Seed(new RequestSeeder(data, now));

        // What people create from now on gets fresh sids, never one that a later reset would hand out again.
        data.NewSid = Guid.NewGuid;
        return data;
    }
}
