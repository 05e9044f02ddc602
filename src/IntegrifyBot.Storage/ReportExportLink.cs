using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Storage;

/// <summary>What an opened export link is for: whose it is, which report, with which filters.</summary>
public sealed record ReportExportLink(IntegrifyUser User, string ReportSid, string ReportName, string FiltersJson);

/// <summary>What opening an export link found.</summary>
public enum ReportExportClaim
{
    /// <summary>The link is valid and is now used.</summary>
    Claimed,

    /// <summary>No such link, or it was already used.</summary>
    Unknown,

    /// <summary>The link was valid once and has expired.</summary>
    Expired,
}
