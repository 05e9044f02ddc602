using System.Net.Mime;

namespace IntegrifyBot.RequestBodies;

/// <summary>Whether a request says its body is JSON ("application/json", with or without a charset).</summary>
internal static class JsonContentType
{
    public static bool Is(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase);
}
