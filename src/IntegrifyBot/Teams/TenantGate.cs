using IntegrifyBot.Cards;
using IntegrifyBot.Settings;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Teams;

/// <summary>
/// When Bot:AllowedTenantIds is set, people from other Teams tenants get a polite refusal and their
/// activity goes no further.
/// </summary>
internal sealed partial class TenantGate(IOptionsMonitor<BotOptions> options, ILogger<TenantGate> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var allowed = options.CurrentValue.AllowedTenantIds;
        var tenant = TurnRequests.TenantOf(turnContext.Activity);
        if (allowed.Count == 0 || (tenant is not null && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
        {
            await next(cancellationToken);
            return;
        }

        LogRefused(tenant ?? "(none)", turnContext.Activity.Type);
        var refusal = ProblemCards.TenantNotAllowed();
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Invoke:
                await turnContext.SendActivityAsync(Replies.InvokeResponseActivity(turnContext.Activity.Name, refusal), cancellationToken);
                break;
            case ActivityTypes.Message:
                await turnContext.SendActivityAsync(Replies.ToActivity(refusal), cancellationToken);
                break;
            default:
                // Installs and membership changes from other tenants are ignored without a reply.
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {ActivityType} activity from tenant {TenantId}, which is not in Bot:AllowedTenantIds")]
    private partial void LogRefused(string tenantId, string activityType);
}
