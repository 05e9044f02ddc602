using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Integrify;

/// <summary>The "Integrify" section of appsettings.json: which instance the bot talks to, and how.</summary>
public sealed class IntegrifyOptions : IValidatableObject
{
    public const string Section = "Integrify";

    /// <summary>The instance's address, from its HostHeader setting: https://acme.integrify.com.</summary>
    [Required(ErrorMessage = "Integrify:BaseUrl is not set: the address of your Integrify instance, such as https://acme.integrify.com.")]
    public Uri? BaseUrl { get; set; }

    /// <summary>The instance's ID setting, such as "acme": used in sign-in paths.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Integrify:Tenant is not set: the ID of your Integrify instance (System Settings), such as acme.")]
    public string Tenant { get; set; } = string.Empty;

    /// <summary>How long before a token expires the bot renews it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00", ErrorMessage = "Integrify:RefreshMargin must be between zero and 30 minutes.")]
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The lifetime asked for tokens obtained with an API key (jwtExpiresIn).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Integrify:ApiKeyTokenLifetime must be between one minute and one day.")]
    public TimeSpan ApiKeyTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest one attempt of a call may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00", ErrorMessage = "Integrify:AttemptTimeout must be between 100 ms and one minute.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a call may take with its retries. It stays under the bot's card-button budget so a
    /// slow Integrify still leaves time to answer the user with a "try again" card.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.2", "00:02:00", ErrorMessage = "Integrify:TotalTimeout must be between 200 ms and two minutes.")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How often a read (GET) is tried again after a failed attempt.</summary>
    [Range(0, 5, ErrorMessage = "Integrify:MaxRetries must be between 0 and 5.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// How many calls the bot has under way toward the Integrify instance at once (for users' calls;
    /// sign-ins have as many of their own). More wait in a queue: a crowd at 9 a.m. waits its turn
    /// inside the bot instead of racing Integrify's timeouts, and Integrify meets a steady load.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Integrify:MaxConcurrentCalls must be between 1 and 1000.")]
    public int MaxConcurrentCalls { get; set; } = 32;

    /// <summary>
    /// How many more calls may wait for one of the <see cref="MaxConcurrentCalls"/> slots. A call
    /// beyond that is not sent: its user is told the bot is busy and to try again in a moment.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "Integrify:MaxQueuedCalls must be between 0 and 100000.")]
    public int MaxQueuedCalls { get; set; } = 2000;

    /// <summary>
    /// The organisation API key for zero-touch linking (A4). A deployment secret: set it from an
    /// environment variable or secret store, never in the file. Unset disables that way of linking.
    /// </summary>
    public string? OrganizationKey { get; set; }

    /// <summary>
    /// Paths that differ on this instance from the contract's, by name (IntegrifyPaths' members, such
    /// as MyTasks), each with the placeholders of the path it replaces. Unset: the contract's paths.
    /// </summary>
    public Dictionary<string, string?> Paths { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Permission values that differ on this instance from the contract's: Start (R1), Run (P1), Requester (R4).</summary>
    public Dictionary<string, string?> Permissions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Pages of the web app whose shape differs on this instance from the contract's, by kind (Task,
    /// Request), relative to BaseUrl with the page's sid as the one placeholder, such as
    /// "#/section-dashboard/recipienttask/{recipientTaskSid}". Unset: the contract's pages.
    /// </summary>
    public Dictionary<string, string?> WebPages { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, template) in WebPages)
        {
            if (!Enum.TryParse<Web.IntegrifyPageKind>(name, ignoreCase: true, out _) || int.TryParse(name, out _))
            {
                yield return new ValidationResult($"Integrify:WebPages:{name} is not a page the bot links to; use Task or Request.", [nameof(WebPages)]);
            }
            else if (!string.IsNullOrWhiteSpace(template) && !Web.IntegrifyWebLinks.IsUsableTemplate(template))
            {
                yield return new ValidationResult($"Integrify:WebPages:{name} must be relative to Integrify:BaseUrl, with the page's sid as its one placeholder, such as #/section-dashboard/request/{{instanceSid}}.", [nameof(WebPages)]);
            }
        }

        if (BaseUrl is null)
        {
            yield break;
        }

        if (!BaseUrl.IsAbsoluteUri || BaseUrl.AbsolutePath != "/" || !string.IsNullOrEmpty(BaseUrl.Query))
        {
            yield return new ValidationResult("Integrify:BaseUrl must be the instance's address alone, such as https://acme.integrify.com.", [nameof(BaseUrl)]);
        }
        else if (BaseUrl.Scheme != Uri.UriSchemeHttps && !(BaseUrl.Scheme == Uri.UriSchemeHttp && BaseUrl.IsLoopback))
        {
            yield return new ValidationResult("Integrify:BaseUrl must use https (plain http only on this machine).", [nameof(BaseUrl)]);
        }

        if (TotalTimeout < AttemptTimeout)
        {
            yield return new ValidationResult("Integrify:TotalTimeout must be at least Integrify:AttemptTimeout.", [nameof(TotalTimeout)]);
        }
    }

    public override string ToString() => $"IntegrifyOptions {{ BaseUrl = {BaseUrl}, Tenant = {Tenant} }}";
}
