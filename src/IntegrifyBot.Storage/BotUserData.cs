using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// Everything the bot keeps about one Teams user, for signing out: nothing may be left behind but
/// their refused sign-ins, which stay until they leave the limit's window (see <see cref="SignInFailures"/>):
/// were they erased too, signing out would reset the limit, and guessing could go on between sign-outs.
/// </summary>
public sealed class BotUserData(IDbContextFactory<BotDbContext> contexts, IIntegrifyTokenStore tokens)
{
    public async Task EraseAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        // The link goes through the store, under its account lock, so a renewal in flight cannot
        // write it back after it was deleted.
        await tokens.RemoveAsync(user, cancellationToken);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.SignInStates.Where(s => s.TeamsTenantId == user.TeamsTenantId && s.UserKey == user.UserId).ExecuteDeleteAsync(cancellationToken);
        await context.Notifications.Where(n => n.TeamsTenantId == user.TeamsTenantId && n.UserKey == user.UserId).ExecuteDeleteAsync(cancellationToken);
        await context.NotificationSettings.Where(s => s.TeamsTenantId == user.TeamsTenantId && s.UserKey == user.UserId).ExecuteDeleteAsync(cancellationToken);
        await context.ReportExports.Where(e => e.TeamsTenantId == user.TeamsTenantId && e.UserKey == user.UserId).ExecuteDeleteAsync(cancellationToken);
        await context.ConversationReferences.Where(r => r.TenantId == user.TeamsTenantId && r.UserKey == user.UserId).ExecuteDeleteAsync(cancellationToken);
    }
}
