namespace IntegrifyBot.Storage;

/// <summary>A PFX file and its password, as Storage:PreviousKeyRingCertificates lists them.</summary>
public sealed class KeyRingCertificateFile
{
    public string? Path { get; set; }

    /// <summary>A secret, like Storage:KeyRingCertificatePassword; never logged.</summary>
    public string? Password { get; set; }

    public override string ToString() => $"KeyRingCertificateFile {{ Path = {Path} }}";
}
