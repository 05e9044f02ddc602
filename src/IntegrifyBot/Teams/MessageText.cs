using System.Net;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// The command text of a message: in group chats and channels people must @mention the bot, and the
/// mention is not part of the command.
/// </summary>
internal static class MessageText
{
    public static string Of(IMessageActivity activity)
    {
        var text = activity.Text is not null && activity.Recipient?.Id is not null && activity.Entities?.Any(entity => entity.Type == "mention") == true
            ? activity.RemoveRecipientMention()
            : activity.Text;

        // Teams may send "&nbsp;" and other entities after a mention.
        return WebUtility.HtmlDecode(text ?? string.Empty).Replace('\u00A0', ' ').Trim();
    }
}
