using System.Net;
using System.Text.Json;

namespace Integrify.Simulator.Tests.Infrastructure;

public static class Wire
{
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts Integrify's error shape, exactly, and returns its description.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var error = await ReadJsonAsync(response, status);
        Assert.Equal(["description", "message", "status"], Names(error));
        Assert.Equal((int)status, error.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error.GetProperty("description").GetString()!;
    }

    public static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)];

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static DateTimeOffset? Date(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDateTimeOffset();
}
