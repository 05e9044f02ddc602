using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace IntegrifyBot.Teams;

/// <summary>
/// Answers to the invokes Teams can send that the bot does not offer: each in the shape its Teams
/// surface expects (a message in the compose box's flyout, a dialog that says so, an empty search),
/// so that no surface shows an error; any other name gets an empty 200. The SDK's own answer to all
/// of them is 501 with no body, which Teams shows as a failure.
/// </summary>
internal static class UnofferedInvokes
{
    public const string NotHere = "I can't do that from here. Open our chat and type help to see what I can do.";

    private static readonly Dictionary<string, Func<JObject?, InvokeResponse>> Answers = new(StringComparer.Ordinal)
    {
        // The compose box: a picked result (results carry their cards), the settings of the extension.
        ["composeExtension/selectItem"] = _ => ComposeMessage(),
        ["composeExtension/querySettingUrl"] = _ => ComposeMessage(),

        // A link pasted by someone who has not installed the app: no card, and Teams leaves the link as it is.
        ["composeExtension/anonymousQueryLink"] = _ => NoResults(),

        // Dialogs from a card or a message's menu, outside the message extension's commands.
        ["task/fetch"] = _ => Ok(new TaskModuleResponse { Task = new TaskModuleMessageResponse(NotHere) }),
        ["task/submit"] = _ => Ok(new TaskModuleResponse { Task = new TaskModuleMessageResponse(NotHere) }),
        ["message/fetchTask"] = _ => Ok(new TaskModuleResponse { Task = new TaskModuleMessageResponse(NotHere) }),

        // The bot's settings in a group chat or team, and tabs: the bot has neither.
        ["config/fetch"] = _ => Ok(new ConfigResponse<TaskModuleResponseBase> { Config = new TaskModuleMessageResponse(NotHere) }),
        ["config/submit"] = _ => Ok(new ConfigResponse<TaskModuleResponseBase> { Config = new TaskModuleMessageResponse(NotHere) }),
        ["tab/fetch"] = _ => Ok(new TabResponse { Tab = new TabResponsePayload { Type = "continue", Value = new TabResponseCards { Cards = [] } } }),
        ["tab/submit"] = _ => Ok(new TabResponse { Tab = new TabResponsePayload { Type = "continue", Value = new TabResponseCards { Cards = [] } } }),

        // An Input.ChoiceSet that searches as you type: nothing found.
        ["application/search"] = _ => Ok(new SearchInvokeResponse
        {
            StatusCode = (int)HttpStatusCode.OK,
            Type = "application/vnd.microsoft.search.searchResponse",
            Value = new JObject { ["results"] = new JArray() },
        }),

        // Teams' single sign-on: the bot uses none, and 412 tells Teams to fall back to the bot's
        // own sign-in, as the protocol asks of a bot that cannot exchange the token.
        ["signin/tokenExchange"] = value => new InvokeResponse
        {
            Status = (int)HttpStatusCode.PreconditionFailed,
            Body = new TokenExchangeInvokeResponse
            {
                Id = value?.Value<string>("id"),
                ConnectionName = value?.Value<string>("connectionName"),
                FailureDetail = "This bot signs people in with its own link card, not with Teams' single sign-on.",
            },
        },
    };

    /// <returns>The answer to an invoke named <paramref name="name"/>, whose value is <paramref name="value"/>.</returns>
    public static InvokeResponse AnswerTo(string? name, object? value) =>
        name is not null && Answers.TryGetValue(name, out var answer)
            ? answer(value as JObject)
            : new InvokeResponse { Status = (int)HttpStatusCode.OK };

    private static InvokeResponse ComposeMessage() =>
        Ok(new MessagingExtensionResponse { ComposeExtension = new MessagingExtensionResult { Type = "message", Text = NotHere } });

    private static InvokeResponse NoResults() =>
        Ok(new MessagingExtensionResponse { ComposeExtension = new MessagingExtensionResult { Type = "result", AttachmentLayout = "list", Attachments = [] } });

    private static InvokeResponse Ok(object body) => new() { Status = (int)HttpStatusCode.OK, Body = body };
}
