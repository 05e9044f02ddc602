using System.Globalization;

namespace Integrify.Simulator.Api;

/// <summary>The paging, sorting and search query of the list calls (T1, R4; U2 takes its paging and order).</summary>
internal sealed record ListQuery(string? Search, int Start, int Count, string Sort, bool Descending)
{
    public const int DefaultCount = 10;
    public const int MaxCount = 100;

    /// <param name="sorts">The sort keys the list knows, the first being the default.</param>
    /// <param name="descendingByDefault">The direction when neither sort nor dir is given.</param>
    public static Outcome<ListQuery> Parse(IQueryCollection query, IReadOnlyList<string> sorts, bool descendingByDefault = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sorts);
        if (!TryInt(query["start"], 0, out var start) || start < 0)
        {
            return ApiProblem.BadRequest("start must be a whole number, 0 or more.");
        }

        if (!TryInt(query["count"], DefaultCount, out var count) || count < 1)
        {
            return ApiProblem.BadRequest($"count must be a whole number from 1 to {MaxCount}.");
        }

        string? sortText = query["sort"];
        var sort = string.IsNullOrWhiteSpace(sortText) ? sorts[0] : sorts.FirstOrDefault(known => string.Equals(known, sortText, StringComparison.OrdinalIgnoreCase));
        if (sort is null)
        {
            return ApiProblem.BadRequest($"sort must be one of: {string.Join(", ", sorts)}.");
        }

        string? dir = query["dir"];
        bool descending;
        if (string.IsNullOrWhiteSpace(dir))
        {
            descending = string.IsNullOrWhiteSpace(sortText) && descendingByDefault;
        }
        else if (dir.Equals("asc", StringComparison.OrdinalIgnoreCase) || dir.Equals("desc", StringComparison.OrdinalIgnoreCase))
        {
            descending = dir.Equals("desc", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            return ApiProblem.BadRequest("dir must be asc or desc.");
        }

        string? search = query["search"];
        return new ListQuery(string.IsNullOrWhiteSpace(search) ? null : search.Trim(), start, Math.Min(count, MaxCount), sort, descending);
    }

    /// <summary>Whether the search text is a request id, as people write it ("1001" or "#1001").</summary>
    public bool MatchesId(long id) =>
        Search is not null && long.TryParse(Search.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) && wanted == id;

    public bool MatchesText(params string[] texts) =>
        Search is null || texts.Any(text => text.Contains(Search, StringComparison.OrdinalIgnoreCase));

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text) || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
