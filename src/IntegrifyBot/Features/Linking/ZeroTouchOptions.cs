namespace IntegrifyBot.Features.Linking;

/// <summary>
/// "Linking:ZeroTouch": linking people without any typing, with the organisation API key
/// (Integrify:OrganizationKey). The Teams user's email or UPN names their Integrify account.
/// </summary>
public sealed class ZeroTouchOptions
{
    /// <summary>On in demo mode unless set; off elsewhere unless set.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Which part of the Teams profile is the Integrify username.</summary>
    public UserNameSource UserNameFrom { get; set; } = UserNameSource.EmailLocalPart;

    /// <summary>
    /// The email/UPN domains whose people may be linked this way, such as contoso.com. Required when
    /// zero-touch linking is on (outside demo mode): a guest from another company must never be
    /// linked to the Integrify account that happens to share their name.
    /// </summary>
    public IList<string> AllowedDomains { get; } = [];
}
