using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Storage;

/// <summary>A sign-in page's state as the page sees it: whose it is, and whether its form already succeeded.</summary>
public sealed record PendingSignIn(IntegrifyUser User, DateTimeOffset ExpiresAt, bool Completed);
