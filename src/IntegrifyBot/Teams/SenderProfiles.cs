using IntegrifyBot.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// Asks Teams (the connector's member API) for the sender's email and UPN, which activities do not
/// carry. A failure means "unknown": a feature that needs the profile then asks the user instead.
/// </summary>
internal sealed partial class SenderProfiles(ILogger<SenderProfiles> logger)
{
    public Func<CancellationToken, Task<MemberProfile?>> For(ITurnContext turnContext) =>
        cancellationToken => LookUpAsync(turnContext, cancellationToken);

    private async Task<MemberProfile?> LookUpAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var senderId = turnContext.Activity.From?.Id;
        if (string.IsNullOrEmpty(senderId))
        {
            return null;
        }

        try
        {
            var member = await TeamsInfo.GetMemberAsync(turnContext, senderId, cancellationToken);
            return member is null ? null : new MemberProfile(member.Email, member.UserPrincipalName, member.Name);
        }
        catch (Exception exception) when (exception is ErrorResponseException or Microsoft.Rest.HttpOperationException or HttpRequestException or InvalidOperationException)
        {
            LogLookupFailed(exception.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams did not give the sender's profile ({Error})")]
    private partial void LogLookupFailed(string error);
}
