using System.Text.Json;

namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// How the client reads and writes Integrify's JSON: names match case-insensitively (Integrify mixes
/// camelCase and PascalCase), unknown fields are ignored, missing optional fields are null.
/// </summary>
public static class IntegrifyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = true,
    };
}
