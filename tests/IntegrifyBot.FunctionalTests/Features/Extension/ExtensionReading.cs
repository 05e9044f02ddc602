using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrifyBot.FunctionalTests.Features.Extension;

/// <summary>The message extension's invokes as Teams sends them, and what its answers hold.</summary>
internal static class ExtensionReading
{
    public static JsonObject Query(string commandId, string? search) => new()
    {
        ["commandId"] = commandId,
        ["parameters"] = search is null
            ? new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" })
            : new JsonArray(new JsonObject { ["name"] = "search", ["value"] = search }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
    };

    /// <summary>The results of a search or link: (preview title, preview text, inserted card).</summary>
    public static List<(string Title, string? Text, JsonElement Card)> Results(JsonElement answer)
    {
        var extension = answer.GetProperty("composeExtension");
        Assert.Equal("result", extension.GetProperty("type").GetString());
        return [.. extension.GetProperty("attachments").EnumerateArray().Select(attachment =>
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
            var preview = attachment.GetProperty("preview");
            Assert.Equal("application/vnd.microsoft.card.thumbnail", preview.GetProperty("contentType").GetString());
            var content = preview.GetProperty("content");
            return (content.GetProperty("title").GetString()!, content.TryGetProperty("text", out var text) ? text.GetString() : null, attachment.GetProperty("content"));
        })];
    }

    /// <summary>The line Teams shows in the compose box's flyout instead of results.</summary>
    public static string Message(JsonElement answer)
    {
        var extension = answer.GetProperty("composeExtension");
        Assert.Equal("message", extension.GetProperty("type").GetString());
        return extension.GetProperty("text").GetString()!;
    }

    /// <summary>The card of a dialog Teams opens, and its title.</summary>
    public static (string Title, JsonElement Card) Dialog(JsonElement answer)
    {
        var task = answer.GetProperty("task");
        Assert.Equal("continue", task.GetProperty("type").GetString());
        var value = task.GetProperty("value");
        var card = value.GetProperty("card");
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        return (value.GetProperty("title").GetString()!, card.GetProperty("content"));
    }

    /// <summary>The verb and data of a card's refresh: how Teams asks for each viewer's view.</summary>
    public static (string Verb, JsonObject Data) Refresh(JsonElement card)
    {
        var action = card.GetProperty("refresh").GetProperty("action");
        Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
        Assert.False(card.GetProperty("refresh").TryGetProperty("userIds", out _), "A shared card refreshes for everyone who sees it.");
        return (action.GetProperty("verb").GetString()!, JsonNode.Parse(action.GetProperty("data").GetRawText())!.AsObject());
    }
}
