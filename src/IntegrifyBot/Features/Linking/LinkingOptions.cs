using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Features.Linking;

/// <summary>The "Linking" section of appsettings.json: how people link their Integrify account.</summary>
public sealed class LinkingOptions
{
    public const string Section = "Linking";

    /// <summary>How long a sign-in page link (and its magic code) stays usable.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Linking:SignInLifetime must be between one minute and one hour.")]
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Refused sign-ins a Teams user may have within <see cref="FailureWindow"/> before the bot stops
    /// trying for them; and, whoever typed them, refused passwords for one Integrify username before
    /// the bot stops trying that username.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Linking:MaxFailedSignIns must be between 1 and 100.")]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Linking:FailureWindow must be between one minute and one day.")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The Teams JavaScript library the sign-in page loads to hand its result back to Teams' sign-in
    /// popup. Empty: the page shows the magic code to type into the chat instead.
    /// </summary>
    public string? TeamsJsUrl { get; set; } = "https://res.cdn.office.net/teams-js/2.43.1/js/MicrosoftTeams.min.js";

    /// <summary>The Subresource Integrity hash of <see cref="TeamsJsUrl"/>, so a changed file is not run.</summary>
    public string? TeamsJsIntegrity { get; set; } = "sha384-7ORQy8xx1gKRnfigO9zP+eIdkANt5I5YKoTJh4P55DqdbkInsqjaevmrCNLwtkLb";

    public ZeroTouchOptions ZeroTouch { get; set; } = new();
}
