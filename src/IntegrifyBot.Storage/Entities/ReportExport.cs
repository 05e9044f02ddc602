namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// A report export a user asked for from a card: a download address that is theirs alone, works
/// once, and expires. The address's secret travels only in the link, so only its hash is kept.
/// The CSV itself is not stored: it is read from Integrify, with the owner's credentials, when the
/// link is opened.
/// </summary>
public sealed class ReportExport
{
    // Times are UTC DateTime, not DateTimeOffset: SQLite can compare only the former in queries.

    /// <summary>SHA-256 of the link's secret, hex.</summary>
    public required string IdHash { get; set; }

    public required string TeamsTenantId { get; set; }

    public required string UserKey { get; set; }

    public required string ReportSid { get; set; }

    public required string ReportName { get; set; }

    /// <summary>The filter values the user chose, as the JSON array Integrify's run and export take.</summary>
    public required string FiltersJson { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When the link was opened; a link opens once.</summary>
    public DateTime? UsedAt { get; set; }
}
