using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntegrifyBot.Notifications.Push;

/// <summary>
/// How a push from Integrify is signed: HMAC-SHA256, keyed with the shared secret, over
/// "{timestamp}.{body}" (the X-Integrify-Timestamp header exactly as sent, a dot, then the body's raw
/// bytes), sent as X-Integrify-Signature: sha256={lower-case hex}. The timestamp is inside the
/// signature so that a captured push cannot be sent again later with a fresh one.
/// </summary>
internal static class PushSignature
{
    public const string TimestampHeader = "X-Integrify-Timestamp";
    public const string SignatureHeader = "X-Integrify-Signature";

    private const string Prefix = "sha256=";
    private const int MacBytes = 32;

    /// <summary>Unix seconds of 9999-12-31, the last second a DateTimeOffset holds.</summary>
    private const long LastTimestamp = 253_402_300_799;

    /// <summary>The X-Integrify-Signature header's value for this timestamp and body.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    public static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>The MAC a header carries, or null unless it is "sha256=" and 64 hex digits (either case).</summary>
    public static byte[]? Parse(string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + (2 * MacBytes))
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A timestamp header's moment: Unix seconds, digits only.</summary>
    public static bool TryParseTimestamp(string? header, out DateTimeOffset sentAt)
    {
        sentAt = default;
        if (header is null || header.Length is 0 or > 12
            || !long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > LastTimestamp)
        {
            return false;
        }

        sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
