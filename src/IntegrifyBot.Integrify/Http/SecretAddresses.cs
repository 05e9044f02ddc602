namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// Integrify's API-key sign-in puts the key in the address (A3, A4). Such addresses must not reach
/// logs or exported traces; the sign-in client logs nothing, and telemetry asks here.
/// </summary>
public static class SecretAddresses
{
    /// <summary>Where the API-key sign-in paths live; an override of theirs must stay here (see IntegrifyContractValidation).</summary>
    public const string Prefix = "/api/auth/apikey/";

    public static bool Contains(Uri? uri) =>
        uri is not null && uri.AbsolutePath.Contains(Prefix, StringComparison.OrdinalIgnoreCase);
}
