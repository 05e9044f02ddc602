using IntegrifyBot.Integrify.Api;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>Everyone linked to Integrify, for work done for all of them (polling for new tasks).</summary>
public sealed class LinkedUsers(IDbContextFactory<BotDbContext> contexts)
{
    public async Task<IReadOnlyList<IntegrifyUser>> AllAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await context.LinkedAccounts.AsNoTracking()
            .OrderBy(a => a.TeamsTenantId).ThenBy(a => a.UserKey)
            .Select(a => new { a.TeamsTenantId, a.UserKey })
            .ToListAsync(cancellationToken);
        return [.. keys.Select(key => new IntegrifyUser(key.TeamsTenantId, key.UserKey))];
    }
}
