namespace IntegrifyBot.Teams;

/// <summary>
/// The Bot Framework SDK could not fetch the OpenID metadata (the signing keys) it checks tokens with,
/// and has no keys from an earlier fetch: no token can be verified now, genuine or forged. The request
/// is neither accepted nor called forged; it is answered as a passing outage (see
/// <see cref="InboundTokenAuthentication"/>).
/// </summary>
internal sealed class OpenIdMetadataUnavailableException(string metadataAddress, string cause)
    : Exception($"Cannot verify the request's token: the OpenID metadata at {metadataAddress} could not be fetched ({cause}) and no signing keys were fetched before")
{
    /// <summary>Where the SDK tried to fetch the metadata from.</summary>
    public string MetadataAddress { get; } = metadataAddress;

    /// <summary>What went wrong, in a line: the host's status code, a refused connection, an unknown host, a timeout.</summary>
    public string Cause { get; } = cause;
}
