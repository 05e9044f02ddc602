namespace IntegrifyBot.Integrify.Api;

/// <summary>
/// One call of the API contract (docs/integrify-api.md): its id there, its verb, the name of its
/// path (an <see cref="IntegrifyPaths"/> member, and the key of its override under Integrify:Paths)
/// and that path as the contract gives it.
/// </summary>
/// <param name="ChangesState">A GET that changes something in Integrify: never sent twice.</param>
/// <param name="KeyInPath">The path carries an API key: its override must stay where traces leave addresses out.</param>
/// <param name="Permission">The permission value the call sends, when it sends one.</param>
internal sealed record IntegrifyCall(
    string Id,
    HttpMethod Method,
    string PathName,
    string Path,
    bool ChangesState = false,
    bool KeyInPath = false,
    IntegrifyPermission? Permission = null);
