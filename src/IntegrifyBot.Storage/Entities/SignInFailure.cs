namespace IntegrifyBot.Storage.Entities;

/// <summary>One refused sign-in of a Teams user, kept for the rate limit's window and then purged.</summary>
public sealed class SignInFailure
{
    // A UTC DateTime, not DateTimeOffset: SQLite can compare only the former in queries.
    public long Id { get; set; }

    public required string TeamsTenantId { get; set; }

    public required string UserKey { get; set; }

    public DateTime At { get; set; }
}
