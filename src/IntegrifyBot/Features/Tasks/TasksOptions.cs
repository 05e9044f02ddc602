using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Features.Tasks;

/// <summary>The "Tasks" configuration section.</summary>
public sealed class TasksOptions
{
    public const string SectionName = "Tasks";

    /// <summary>How long an approval's choices, once read for a person's card, are reused for their next card.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Tasks:ChoicesLifetime must be between zero (no reuse) and five minutes.")]
    public TimeSpan ChoicesLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many people's choices are kept at most; the least recently read go first.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Tasks:ChoicesPeople must be between 1 and 1000000.")]
    public int ChoicesPeople { get; set; } = 10_000;

    /// <summary>How many of several tasks decided at once go to Integrify at the same time.</summary>
    [Range(1, 16, ErrorMessage = "Tasks:SeveralConcurrency must be between 1 and 16.")]
    public int SeveralConcurrency { get; set; } = 4;
}
