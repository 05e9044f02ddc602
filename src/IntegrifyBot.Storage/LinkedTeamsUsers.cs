using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Storage;

/// <summary>
/// The Teams users linked to an Integrify username, for a push from an Integrify process: it knows
/// the username of a task's assignee, not who they are in Teams. One Integrify account may be linked
/// from several Teams accounts, and each of them is told.
/// </summary>
public sealed class LinkedTeamsUsers(IDbContextFactory<BotDbContext> contexts, IOptions<IntegrifyOptions> integrify)
{
    /// <summary>
    /// Integrify usernames compare without regard to case. Upper case, as .NET advises for
    /// normalizing (CA1308): a few characters do not round-trip through lower case.
    /// </summary>
    public static string Normalize(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.ToUpperInvariant();
    }

    /// <summary>Everyone linked to this username on the bot's Integrify instance, in no particular order.</summary>
    public async Task<IReadOnlyList<IntegrifyUser>> FindAsync(string integrifyUserName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(integrifyUserName);
        var key = Normalize(integrifyUserName);
        var baseUrl = integrify.Value.BaseUrl?.ToString() ?? string.Empty;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await context.LinkedAccounts.AsNoTracking()
            .Where(a => a.NormalizedIntegrifyUserName == key)
            .Select(a => new { a.TeamsTenantId, a.UserKey, a.IntegrifyBaseUrl })
            .ToListAsync(cancellationToken);

        // As the token store decides (EfTokenStore.Read): a link to another Integrify instance is
        // not used, and its username may be someone else's here.
        return [.. links
            .Where(a => string.Equals(a.IntegrifyBaseUrl, baseUrl, StringComparison.OrdinalIgnoreCase))
            .Select(a => new IntegrifyUser(a.TeamsTenantId, a.UserKey))];
    }
}
