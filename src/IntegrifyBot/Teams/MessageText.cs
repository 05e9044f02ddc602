using System.Net;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// The command text of a message: in group chats and channels people must @mention the bot, and the
/// mention is not part of the command.
/// </summary>
internal static class MessageText
{
    private const string CardContentTypePrefix = "application/vnd.microsoft.card.";

    public static string Of(IMessageActivity activity)
    {
        var text = activity.Text is not null && activity.Recipient?.Id is not null && activity.Entities?.Any(entity => entity.Type == "mention") == true
            ? activity.RemoveRecipientMention()
            : activity.Text;

        // A message carrying a card (one put in from a message extension) has its text wrapped in
        // markup that holds the card's place; the words around it are what the person typed.
        if (CarriesCard(activity))
        {
            return HtmlText.ToPlain(text ?? string.Empty);
        }

        // Teams may send "&nbsp;" and other entities after a mention.
        return WebUtility.HtmlDecode(text ?? string.Empty).Replace('\u00A0', ' ').Trim();
    }

    /// <summary>
    /// A card someone put into the chat without a word for the bot, such as a task shared from the
    /// message extension: the card shows each person their own view, so there is nothing to answer.
    /// </summary>
    public static bool IsCardAlone(IMessageActivity activity) => CarriesCard(activity) && Of(activity).Length == 0;

    private static bool CarriesCard(IMessageActivity activity) =>
        activity.Attachments?.Any(attachment => attachment?.ContentType?.StartsWith(CardContentTypePrefix, StringComparison.OrdinalIgnoreCase) == true) == true;
}
