using Integrify.Simulator;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>
/// What an operator reads of the calls toward Integrify: an attempt that failed, and so was tried
/// again, is a warning; one that succeeded is not worth a line at Information, since every turn makes
/// several and they would drown the log.
/// </summary>
public sealed class AttemptLogTests : LinkedAlexTests
{
    [Fact]
    public async Task Only_failed_attempts_toward_integrify_reach_the_log()
    {
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/instance/mytask/list", Status = 503, Times = 1 });
        var since = Bot.Logs.Count;

        var list = await Bot.SayAsync("tasks");

        var attempts = Bot.Logs.Lines.Skip(since).Where(line => line.Contains("Execution attempt", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("Your tasks", LinkingBot.Texts(list), StringComparison.Ordinal);
        Assert.Contains(attempts, line => line.StartsWith("Warning ", StringComparison.Ordinal) && line.Contains("503", StringComparison.Ordinal));
        Assert.DoesNotContain(attempts, line => line.StartsWith("Information ", StringComparison.Ordinal));
    }
}
