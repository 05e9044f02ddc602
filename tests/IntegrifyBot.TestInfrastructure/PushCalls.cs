using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Pushes to /api/notifications/integrify as a caller outside the bot would make them: the signature
/// is computed here from the documented recipe, not with the bot's own code.
/// </summary>
public static class PushCalls
{
    public const string Path = "/api/notifications/integrify";

    /// <summary>A secret as an operator would make one (`openssl rand -hex 32` gives 64 hex digits).</summary>
    public const string Secret = "3f9c1e7a5b2d4f6081a3c5e7f9b1d3f5a7c9e1b3d5f7091b2c4d6e8fa0b2c4d6";

    public static string Body(string userName, string recipientTaskSid, string? message = null) =>
        message is null
            ? $$"""{"username":"{{userName}}","recipientTaskSid":"{{recipientTaskSid}}"}"""
            : $$"""{"username":"{{userName}}","recipientTaskSid":"{{recipientTaskSid}}","message":"{{message}}"}""";

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>sha256= and the hex HMAC-SHA256 of "{timestamp}.{body}".</summary>
    public static string Signature(string timestamp, string body, string secret = Secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>A signed push; the signature may be given to forge or replay one.</summary>
    public static HttpRequestMessage SignedPush(string body, DateTimeOffset at, string? signature = null, string contentType = "application/json")
    {
        var timestamp = Timestamp(at);
        var request = BarePush(body, contentType);
        request.Headers.Add("X-Integrify-Timestamp", timestamp);
        request.Headers.Add("X-Integrify-Signature", signature ?? Signature(timestamp, body));
        return request;
    }

    /// <summary>As Integrify's REST Client step sends it: the secret as a bearer token, no timestamp.</summary>
    public static HttpRequestMessage BearerPush(string body, string secret = Secret)
    {
        var request = BarePush(body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return request;
    }

    public static HttpRequestMessage BarePush(string body, string contentType = "application/json") => new(HttpMethod.Post, Path)
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
    };
}
