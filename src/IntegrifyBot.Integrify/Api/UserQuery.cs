using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>U2: whom to look for, and which page; unset values are left out of the query string.</summary>
public sealed record UserQuery
{
    /// <summary>Part of a person's full name; Integrify accepts partial matches.</summary>
    [AliasAs("name")]
    public string? Name { get; init; }

    /// <summary>Part of a person's email address.</summary>
    [AliasAs("email")]
    public string? Email { get; init; }

    /// <summary>The offset of the first person (zero-based).</summary>
    [AliasAs("start")]
    public int? Start { get; init; }

    [AliasAs("count")]
    public int? Count { get; init; }

    /// <summary>
    /// The search for what a person typed: text with an @ is part of an email address, anything else
    /// part of a name (Integrify searches each field on its own, so one box needs this choice).
    /// </summary>
    public static UserQuery Typed(string text, int? start = null, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = text.Trim();
        return typed.Contains('@', StringComparison.Ordinal)
            ? new UserQuery { Email = typed, Start = start, Count = count }
            : new UserQuery { Name = typed, Start = start, Count = count };
    }
}
