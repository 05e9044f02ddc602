using System.Text.Json;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>Reading what the bot answered: a response's JSON, the text a person reads on a card, its verbs.</summary>
public static class ReplyReading
{
    internal static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>All text a person would read on the card, joined by new lines.</summary>
    internal static string CardTexts(JsonElement card)
    {
        var texts = new List<string>();
        Collect(card, texts);
        return string.Join('\n', texts);

        static void Collect(JsonElement element, List<string> texts)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name is "text" or "title" or "value" && property.Value.ValueKind == JsonValueKind.String)
                        {
                            texts.Add(property.Value.GetString()!);
                        }
                        else if (property.Name is not "data" and not "fallback")
                        {
                            Collect(property.Value, texts);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item, texts);
                    }

                    break;
            }
        }
    }

    internal static IEnumerable<string> Verbs(JsonElement card) =>
        card.TryGetProperty("actions", out var actions)
            ? actions.EnumerateArray().Where(action => action.TryGetProperty("verb", out _)).Select(action => action.GetProperty("verb").GetString()!)
            : [];
}
