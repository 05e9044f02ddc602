using System.Text.Json;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Settings;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Reports.Export;

/// <summary>A download link just issued, and until when it works.</summary>
public sealed record IssuedExportLink(Uri Address, DateTimeOffset ExpiresAt);

/// <summary>Addresses of CSV downloads: one per export asked for, bound to the Teams user who asked.</summary>
public sealed class ReportExportLinks(ReportExports exports, BotPublicAddress address, IOptions<ReportsOptions> options, TimeProvider time)
{
    /// <summary>
    /// The download's path; the link's secret travels in the query (<see cref="KeyParameter"/>), never
    /// in the path, which the host writes into every log line's scope and every trace.
    /// </summary>
    public const string Path = "/reports/export";

    public const string KeyParameter = "key";

    /// <summary>A new link, or null when the bot has no address people's browsers can reach.</summary>
    public async Task<IssuedExportLink?> IssueAsync(IntegrifyUser user, string reportSid, string reportName, IReadOnlyList<ReportFilterValue> filters, CancellationToken cancellationToken)
    {
        if (address.Current is not { } root)
        {
            return null;
        }

        var lifetime = options.Value.ExportLinkLifetime;
        var expires = time.GetUtcNow() + lifetime;
        var secret = await exports.IssueAsync(user, reportSid, reportName, JsonSerializer.Serialize(filters, JsonSerializerOptions.Web), lifetime, cancellationToken);
        return new IssuedExportLink(new Uri(root, $"{Path}?{KeyParameter}={Uri.EscapeDataString(secret)}"), expires);
    }
}
