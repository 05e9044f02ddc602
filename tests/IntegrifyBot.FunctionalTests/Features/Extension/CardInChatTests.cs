using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.FunctionalTests.Features.Extension.ExtensionReading;

namespace IntegrifyBot.FunctionalTests.Features.Extension;

/// <summary>
/// A card Alex puts into his chat with the bot from the message extension reaches the bot as a
/// message: the card as an attachment and, as text, the markup Teams holds the card's place with.
/// The card is not words for the bot, so it gets no answer; words typed beside it are a command.
/// </summary>
public sealed class CardInChatTests : LinkedAlexTests
{
    // What Teams' compose box (the emulator's, as captured) sends as the text of a message holding a card.
    private const string CardPlace =
        "\n<span class=\"inline-compose-card\" itemid=\"0\" itemtype=\"http://schema.skype.com/InputExtension\">\n  <span content=\"0\" itemprop=\"cardId\"></span>\n</span>\n";

    [Fact]
    public async Task A_task_card_put_into_the_chat_without_a_word_gets_no_answer()
    {
        using var response = await Bot.Client.PostAsJsonAsync("/api/messages", await MessageWithCardAsync(CardPlace));
        response.EnsureSuccessStatusCode();

        // Each turn is answered before its request returns: had the card been answered, that answer
        // would come before the answer to help.
        var next = await Bot.SayAsync("help");
        var texts = LinkingBot.Texts(next);
        Assert.Contains("Here's what I can do", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry", texts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_typed_beside_the_card_are_read_as_a_command_without_the_markup()
    {
        var answer = await Bot.SendAsync(await MessageWithCardAsync(CardPlace + "<p>help&nbsp;</p>"));

        var texts = LinkingBot.Texts(answer);
        Assert.Contains("Here's what I can do", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("inline-compose-card", answer.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_beside_a_card_that_reads_as_an_unknown_command_is_quoted_as_plain_text()
    {
        var texts = LinkingBot.Texts(await Bot.SendAsync(await MessageWithCardAsync(CardPlace + "<b>approve&nbsp;all</b> &lt;now&gt;")));
        Assert.Contains("Sorry, I didn't understand", texts, StringComparison.Ordinal);
        // Quoted as typed, its markdown escaped as the card text of anything typed is.
        Assert.Contains(@"“approve all \<now\>”", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("&", texts, StringComparison.Ordinal);
    }

    /// <summary>A message of Alex's holding his task of request #1002 as the message extension's search gives it.</summary>
    private async Task<JsonObject> MessageWithCardAsync(string text)
    {
        var (_, _, card) = Results(await Bot.InvokeAsync("composeExtension/query", Query("myTasks", "Time off 12"))).First();
        var message = TeamsActivities.Message(Bot.Connector.ServiceUrl, text);
        message["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = JsonNode.Parse(card.GetRawText()),
        });
        return message;
    }
}
