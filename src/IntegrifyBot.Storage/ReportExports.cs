using System.Security.Cryptography;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage.Entities;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// Report export links. Each is issued to one Teams user for one report and its filters, is not
/// guessable (256 random bits, only their hash kept), opens once and expires. Kept in the database,
/// so the link may be opened on any bot instance.
/// </summary>
public sealed class ReportExports(IDbContextFactory<BotDbContext> contexts, TimeProvider time)
{
    private const int MaxSecretLength = 100;

    /// <summary>A new link secret for the user; expired links of everyone are purged.</summary>
    public async Task<string> IssueAsync(IntegrifyUser user, string reportSid, string reportName, string filtersJson, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);

        // Expired links are kept a day, so that opening one late says "expired" rather than "unknown".
        await context.ReportExports.Where(e => e.ExpiresAt < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
        context.ReportExports.Add(new ReportExport
        {
            IdHash = SecretHash.Of(secret),
            TeamsTenantId = user.TeamsTenantId,
            UserKey = user.UserId,
            ReportSid = reportSid,
            ReportName = reportName,
            FiltersJson = filtersJson,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        await context.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>Uses the link: of two requests for the same link at once, one claims it.</summary>
    public async Task<(ReportExportClaim Claim, ReportExportLink? Link)> ClaimAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > MaxSecretLength)
        {
            return (ReportExportClaim.Unknown, null);
        }

        var hash = SecretHash.Of(secret);
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.ReportExports.AsNoTracking().SingleOrDefaultAsync(e => e.IdHash == hash && e.UsedAt == null, cancellationToken);
        if (row is null)
        {
            return (ReportExportClaim.Unknown, null);
        }

        if (row.ExpiresAt <= now)
        {
            return (ReportExportClaim.Expired, null);
        }

        var claimed = await context.ReportExports
            .Where(e => e.IdHash == hash && e.UsedAt == null && e.ExpiresAt > now)
            .ExecuteUpdateAsync(setters => setters.SetProperty(e => e.UsedAt, now), cancellationToken);
        return claimed == 1
            ? (ReportExportClaim.Claimed, new ReportExportLink(new IntegrifyUser(row.TeamsTenantId, row.UserKey), row.ReportSid, row.ReportName, row.FiltersJson))
            : (ReportExportClaim.Unknown, null);
    }

    /// <summary>Makes a claimed link usable again, when nothing could be sent (Integrify did not answer).</summary>
    public async Task ReleaseAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Of(secret);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.ReportExports.Where(e => e.IdHash == hash).ExecuteUpdateAsync(setters => setters.SetProperty(e => e.UsedAt, (DateTime?)null), cancellationToken);
    }
}
