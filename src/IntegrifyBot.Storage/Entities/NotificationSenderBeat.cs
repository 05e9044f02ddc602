namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// A notification sender that is alive: it renews this row with its tenant leases. The number of
/// live senders decides each one's fair share of the tenants, so that one started later gets some.
/// </summary>
public sealed class NotificationSenderBeat
{
    public required string Name { get; set; }

    /// <summary>The sender counts as alive until then (UTC).</summary>
    public DateTime AliveUntil { get; set; }
}
