using IntegrifyBot.Integrify.Api;
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
        var row = await context.ConversationReferences.AsNoTracking().SingleOrDefaultAsync(
            r => r.UserKey == address.User.UserId && r.ConversationId == address.ConversationId,
            cancellationToken);
        if (row is not null && row.ServiceUrl == address.ServiceUrl && row.BotId == address.BotId && row.TenantId == address.User.TeamsTenantId)
        {
            return;
        }

        // One statement that inserts or updates: a new user's first turns arrive together, and of
        // their writes the last one stands, with none failing on the key.
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ConversationReferences" ("UserKey", "ConversationId", "ServiceUrl", "TenantId", "ConversationType", "BotId", "UpdatedAt")
            VALUES ({address.User.UserId}, {address.ConversationId}, {address.ServiceUrl}, {address.User.TeamsTenantId}, {Personal}, {address.BotId}, {time.GetUtcNow()})
            ON CONFLICT ("UserKey", "ConversationId") DO UPDATE
            SET "ServiceUrl" = excluded."ServiceUrl", "TenantId" = excluded."TenantId", "BotId" = excluded."BotId", "UpdatedAt" = excluded."UpdatedAt"
            """,
            cancellationToken);
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
