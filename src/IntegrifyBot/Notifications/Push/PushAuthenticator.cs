using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace IntegrifyBot.Notifications.Push;

/// <summary>
/// Decides whether a push comes from someone who holds the shared secret. The signature
/// (<see cref="PushSignature"/>) is the primary way; a bearer secret is accepted only when
/// Notifications:PushAcceptsBearer says so, because Integrify's REST Client step sends fixed headers
/// and cannot compute a signature.
/// </summary>
internal static class PushAuthenticator
{
    /// <summary>
    /// A signature is remembered this much longer than its timestamp is accepted, so that an instance
    /// whose clock runs behind another's still finds it.
    /// </summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    public static PushCheck Check(IHeaderDictionary headers, ReadOnlySpan<byte> body, NotificationsOptions options, DateTimeOffset now)
    {
        var secret = options.PushSecret ?? throw new InvalidOperationException("The push endpoint is off.");
        var timestamp = Single(headers[PushSignature.TimestampHeader]);
        if (headers.TryGetValue(PushSignature.SignatureHeader, out var signatureHeader))
        {
            var given = PushSignature.Parse(Single(signatureHeader));
            if (given is null || !PushSignature.TryParseTimestamp(timestamp, out var signedAt)
                || !CryptographicOperations.FixedTimeEquals(given, PushSignature.Mac(secret, timestamp!, body)))
            {
                return PushCheck.Refused;
            }

            return IsStale(signedAt, now, options.PushTolerance)
                ? new PushCheck(PushVerdict.Stale, "signature")
                : new PushCheck(PushVerdict.Accepted, "signature", Convert.ToHexStringLower(given), signedAt + options.PushTolerance + ClockMargin);
        }

        if (!options.PushAcceptsBearer || BearerToken(headers.Authorization) is not { } token || !SameSecret(token, secret))
        {
            return PushCheck.Refused;
        }

        // A REST Client step cannot add the time; a caller that does gets it checked.
        if (timestamp is null)
        {
            return new PushCheck(PushVerdict.Accepted, "bearer");
        }

        if (!PushSignature.TryParseTimestamp(timestamp, out var sentAt))
        {
            return PushCheck.Refused;
        }

        return IsStale(sentAt, now, options.PushTolerance) ? new PushCheck(PushVerdict.Stale, "bearer") : new PushCheck(PushVerdict.Accepted, "bearer");
    }

    private static bool IsStale(DateTimeOffset sentAt, DateTimeOffset now, TimeSpan tolerance) => (now - sentAt).Duration() > tolerance;

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;

    private static string? BearerToken(StringValues authorization)
    {
        const string Scheme = "Bearer ";
        return Single(authorization) is { } value && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? value[Scheme.Length..].Trim()
            : null;
    }

    // Hashing first gives both sides one length, so the comparison's time says nothing about the secret's.
    private static bool SameSecret(string token, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
