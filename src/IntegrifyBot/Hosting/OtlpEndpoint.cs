namespace IntegrifyBot.Hosting;

/// <summary>
/// The OTLP collector traces and metrics go to: Telemetry:OtlpEndpoint, else OpenTelemetry's standard
/// OTEL_EXPORTER_OTLP_ENDPOINT. Read as plain strings while services are registered, so a value that
/// is not an address stops the start with the other settings' problems instead of being ignored.
/// </summary>
internal static class OtlpEndpoint
{
    private static readonly string[] Keys = ["Telemetry:OtlpEndpoint", "OTEL_EXPORTER_OTLP_ENDPOINT"];

    /// <summary>The configured collector; null when none is configured or the setting is not an http(s) address.</summary>
    public static Uri? Read(IConfiguration configuration) =>
        Configured(configuration) is { } setting && Uri.TryCreate(setting.Value, UriKind.Absolute, out var address)
            && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
            ? address
            : null;

    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        if (Configured(configuration) is { } setting && Read(configuration) is null)
        {
            yield return $"{setting.Key} must be the OTLP collector's http or https address, such as http://otel-collector:4318.";
        }
    }

    private static KeyValuePair<string, string>? Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var key in Keys)
        {
            if (configuration[key] is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return new(key, value);
            }
        }

        return null;
    }
}
