namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// One sign-in of a Teams user that counts against the limit: refused, or reserved and not yet
/// answered. Kept for the rate limit's window and then purged.
/// </summary>
public sealed class SignInFailure
{
    // A UTC DateTime, not DateTimeOffset: SQLite can compare only the former in queries.
    public long Id { get; set; }

    public required string TeamsTenantId { get; set; }

    public required string UserKey { get; set; }

    /// <summary>
    /// The Integrify username a password attempt named, normalized as Integrify compares names
    /// (<see cref="LinkedTeamsUsers.Normalize"/>); null for an API key or a magic code, which name
    /// nobody in advance. It lets one username's failures be counted whoever made them.
    /// </summary>
    public string? TargetUserName { get; set; }

    /// <summary>
    /// Reserved before Integrify was asked and not settled yet. It counts like a failure, so an
    /// attempt whose instance dies before the answer stays counted; but a success clears only
    /// settled failures, never another attempt still in flight.
    /// </summary>
    public bool Pending { get; set; }

    public DateTime At { get; set; }
}
