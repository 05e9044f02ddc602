using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>Reading the task cards as Teams shows them: a task's block, its buttons and what they send.</summary>
public static class TaskCardReading
{
    internal static List<string> TaskBlocks(JsonElement card) =>
        card.GetProperty("body").EnumerateArray()
            .Where(element => element.GetProperty("type").GetString() == "Container" && element.TryGetProperty("separator", out _))
            .Select(element => LinkingBot.Texts(element))
            .ToList();

    internal static JsonElement Block(JsonElement card, string requestNumber) =>
        card.GetProperty("body").EnumerateArray().First(element =>
            element.GetProperty("type").GetString() == "Container" && element.TryGetProperty("separator", out _) && LinkingBot.Texts(element).Contains(requestNumber + " ", StringComparison.Ordinal));

    internal static string BlockText(JsonElement card, string requestNumber) => LinkingBot.Texts(Block(card, requestNumber));

    internal static List<string> ButtonsOf(JsonElement card, string requestNumber) =>
        Titles(Block(card, requestNumber).GetProperty("items").EnumerateArray().Last().GetProperty("actions"));

    internal static JsonElement Button(JsonElement card, string requestNumber, string title) =>
        Action(Block(card, requestNumber).GetProperty("items").EnumerateArray().Last().GetProperty("actions"), title);

    internal static List<string> Titles(JsonElement actions) => actions.EnumerateArray().Select(action => action.GetProperty("title").GetString()!).ToList();

    internal static JsonElement Action(JsonElement actions, string title) => actions.EnumerateArray().First(action => action.GetProperty("title").GetString() == title);

    /// <summary>The choices of a card's choice sets (people to pick, tasks to tick), as title and value.</summary>
    internal static List<(string Title, string Value)> Choices(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray()
            .Where(element => element.GetProperty("type").GetString() == "Input.ChoiceSet")
            .SelectMany(set => set.GetProperty("choices").EnumerateArray())
            .Select(choice => (choice.GetProperty("title").GetString()!, choice.GetProperty("value").GetString()!))];

    /// <summary>How many times <paramref name="part"/> stands in <paramref name="text"/>: one line per task on a result card.</summary>
    internal static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    /// <summary>What Teams sends back for an Action.Execute button: its data.</summary>
    internal static JsonObject Data(JsonElement action) => JsonNode.Parse(action.GetProperty("data").GetRawText())!.AsObject();
}
