using System.Text.Json.Nodes;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>JSON that a JsonObject cannot hold, such as one property twice, written as text.</summary>
public static class RawJson
{
    /// <summary><paramref name="json"/> with <paramref name="member"/> (such as "\"a\":1") as its last property.</summary>
    public static string Append(JsonObject json, string member)
    {
        ArgumentNullException.ThrowIfNull(json);
        var text = json.ToJsonString();
        return text[..^1] + "," + member + "}";
    }

    /// <summary><paramref name="json"/> with <paramref name="member"/> as its first property.</summary>
    public static string Prepend(JsonObject json, string member)
    {
        ArgumentNullException.ThrowIfNull(json);
        return "{" + member + "," + json.ToJsonString()[1..];
    }
}
