using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// Users' personal chats with the bot, for notifications. Only personal chats are kept: tasks are
/// private, so the bot never announces them in a group chat or channel.
/// </summary>
public sealed class ConversationAddresses(IDbContextFactory<BotDbContext> contexts, TimeProvider time)
{
    private const string Personal = "personal";

    /// <summary>Records or refreshes the address; an unchanged one is not written again.</summary>
    public async Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.ConversationReferences.SingleOrDefaultAsync(
            r => r.UserKey == address.User.UserId && r.ConversationId == address.ConversationId,
            cancellationToken);
        if (row is null)
        {
            context.ConversationReferences.Add(new ConversationReference
            {
                UserKey = address.User.UserId,
                ConversationId = address.ConversationId,
                ServiceUrl = address.ServiceUrl,
                TenantId = address.User.TeamsTenantId,
                ConversationType = Personal,
                BotId = address.BotId,
                UpdatedAt = time.GetUtcNow(),
            });
        }
        else if (row.ServiceUrl != address.ServiceUrl || row.BotId != address.BotId || row.TenantId != address.User.TeamsTenantId)
        {
            row.ServiceUrl = address.ServiceUrl;
            row.BotId = address.BotId;
            row.TenantId = address.User.TeamsTenantId;
            row.UpdatedAt = time.GetUtcNow();
        }
        else
        {
            return;
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (row is null)
        {
            // Two activities of a new user at once: the other one recorded the same address.
        }
    }

    /// <summary>
    /// The user's personal chat with the bot (Teams gives a user one with each bot), or null when the
    /// bot was never installed for them or was removed.
    /// </summary>
    public async Task<ConversationAddress?> FindAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.ConversationReferences.AsNoTracking()
            .Where(r => r.TenantId == user.TeamsTenantId && r.UserKey == user.UserId && r.ConversationType == Personal)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new ConversationAddress(user, row.ConversationId, row.ServiceUrl, row.BotId);
    }

    /// <summary>Forgets a conversation: the app was uninstalled, or Teams says it is gone or blocked.</summary>
    public async Task RetireAsync(IntegrifyUser user, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.ConversationReferences
            .Where(r => r.TenantId == user.TeamsTenantId && r.UserKey == user.UserId && r.ConversationId == conversationId)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
