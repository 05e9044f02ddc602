namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// Tests that fire 200 calls at once through two bot instances and must finish inside the client's
/// production time budget (a 2 s attempt). Every attempt of a storm starts together, so each lasts
/// about as long as the whole storm; on a two-core machine, other test classes running beside it
/// could push that past the budget, trip the circuit breaker and fail the storm for reasons that
/// have nothing to do with the renewal lock under test. So storms run alone, after the rest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RenewalStorms
{
    public const string Name = "Renewal storms";
}
