using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Features.Reports;

/// <summary>The "Reports" configuration section.</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>How long a CSV download link works after the user asked for it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Reports:ExportLinkLifetime must be between one minute and one day.")]
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
