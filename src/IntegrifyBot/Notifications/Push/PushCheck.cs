namespace IntegrifyBot.Notifications.Push;

/// <summary>What <see cref="PushAuthenticator"/> made of a push's headers.</summary>
/// <param name="Method">"signature" or "bearer", for the log.</param>
/// <param name="ReplayKey">The signature, which is refused if it comes again; null for a bearer push.</param>
/// <param name="ReplayUntil">How long to remember <paramref name="ReplayKey"/>.</param>
internal sealed record PushCheck(PushVerdict Verdict, string Method, string? ReplayKey = null, DateTimeOffset ReplayUntil = default)
{
    public static PushCheck Refused { get; } = new(PushVerdict.Refused, "none");
}
