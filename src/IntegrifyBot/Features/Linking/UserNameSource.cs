namespace IntegrifyBot.Features.Linking;

/// <summary>Which part of the Teams profile becomes the Integrify username for zero-touch linking.</summary>
public enum UserNameSource
{
    /// <summary>alex.wilber@contoso.com → alex.wilber</summary>
    EmailLocalPart,

    /// <summary>alex.wilber@contoso.com, unchanged.</summary>
    Email,

    /// <summary>The user principal name's part before the @.</summary>
    UpnLocalPart,

    /// <summary>The user principal name, unchanged.</summary>
    Upn,
}
