using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>T1 and R4: search words and paging; unset values are left out of the query string.</summary>
public sealed record ListQuery
{
    [AliasAs("search")]
    public string? Search { get; init; }

    /// <summary>The offset of the first item (zero-based).</summary>
    [AliasAs("start")]
    public int? Start { get; init; }

    [AliasAs("count")]
    public int? Count { get; init; }

    [AliasAs("sort")]
    public string? Sort { get; init; }

    /// <summary>asc or desc.</summary>
    [AliasAs("dir")]
    public string? Dir { get; init; }
}
