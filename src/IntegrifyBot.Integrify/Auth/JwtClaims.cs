using System.Buffers.Text;
using System.Text.Json;

namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// Reads claims of an Integrify JWT: "exp" to renew ahead of expiry, "userName" to know whom an API
/// key signed in. The bot cannot check the signature (Integrify signs with its own key) and does not
/// need to: it only decides when to ask for a new token and whom to show as linked.
/// </summary>
public static class JwtClaims
{
    public static DateTimeOffset? ExpiresAt(string? jwt) =>
        Read(jwt, "exp") is { ValueKind: JsonValueKind.Number } exp && exp.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static string? UserName(string? jwt) =>
        Read(jwt, "userName") is { ValueKind: JsonValueKind.String } name ? name.GetString() : null;

    private static JsonElement? Read(string? jwt, string claim)
    {
        var parts = jwt?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(claim, out var value)
                ? value.Clone()
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
