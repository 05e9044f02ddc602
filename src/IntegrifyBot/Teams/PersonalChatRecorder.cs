using IntegrifyBot.Conversations;
using IntegrifyBot.Integrify.Auth;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// After each turn, tells the notifications feature where the user was (the app installed, a
/// message, a card button: Teams may have moved the conversation to another service URL) or that
/// the app was removed. It runs after the turn so that a user who just linked is recorded and one
/// who just signed out is not. A failure here is logged and never reaches the turn.
/// </summary>
internal sealed partial class PersonalChatRecorder(PersonalChats chats, ReplyAddresses addresses, TurnCredentials turnCredentials, ILogger<PersonalChatRecorder> logger) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>
    /// The most recording may add to an invoke, whose answer waits for it within Teams' five
    /// seconds: a slow database costs the address this time (the next turn records it), not the answer.
    /// </summary>
    private static readonly TimeSpan InvokeBudget = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most it may add to other turns, whose answer is already out: only the HTTP acknowledgement
    /// waits, and Teams sends an activity again if that takes about fifteen seconds.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);

        // The turn's memo of the credential it reads, so that recording after it reads nothing again.
        using var turnMemo = turnCredentials.Begin();
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            await RecordAsync((Activity)turnContext.Activity, cancellationToken);
        }
    }

    private async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(activity.Type == ActivityTypes.Invoke ? InvokeBudget : Budget);
        try
        {
            var turn = TurnRequests.From(activity);
            var serviceUrl = activity.ServiceUrl ?? string.Empty;

            // The gate refused such an activity already; an address the bot may not send to is never
            // kept, whatever path an activity took here.
            if (addresses.Refusal(serviceUrl) is not null)
            {
                LogNotRecorded(activity.Type ?? "?", "a service URL the bot may not send to");
                return;
            }

            var botId = activity.Recipient?.Id ?? string.Empty;
            var record = activity.Type switch
            {
                ActivityTypes.Message or ActivityTypes.Invoke => chats.NoteAsync(turn, serviceUrl, botId, budget.Token),
                ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(member => member.Id == botId) == true => chats.NoteAsync(turn, serviceUrl, botId, budget.Token),
                ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade" => chats.NoteAsync(turn, serviceUrl, botId, budget.Token),
                ActivityTypes.InstallationUpdate when activity.Action is "remove" => chats.ForgetAsync(turn, budget.Token),
                _ => Task.CompletedTask,
            };
            await record;
        }
        catch (Exception exception)
        {
            LogNotRecorded(activity.Type ?? "?", exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the personal chat of a {ActivityType} turn for notifications ({Error}); the turn went on")]
    private partial void LogNotRecorded(string activityType, string error);
}
