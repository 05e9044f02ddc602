using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IntegrifyBot.Storage;

/// <summary>
/// The certificates that protect the Data Protection key ring, read from their PFX files once, when
/// storage is registered: Data Protection takes its certificates then, not from options. A file
/// that cannot be used becomes a problem, one sentence that stops the start (StorageOptionsValidator);
/// no sentence ever holds a password.
/// </summary>
internal sealed class KeyRingCertificates
{
    private KeyRingCertificates(string? path, X509Certificate2? current, List<X509Certificate2> previous, List<string> problems)
    {
        Path = path;
        Current = current;
        Previous = previous;
        Problems = problems;
    }

    /// <summary>Storage:KeyRingCertificatePath as it was when storage was registered.</summary>
    public string? Path { get; }

    /// <summary>Encrypts new keys, and decrypts the keys it encrypted.</summary>
    public X509Certificate2? Current { get; }

    /// <summary>Decrypt keys encrypted before the current certificate took over.</summary>
    public IReadOnlyList<X509Certificate2> Previous { get; }

    public IReadOnlyList<string> Problems { get; }

    public static KeyRingCertificates Load(StorageOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        X509Certificate2? current = null;
        if (!string.IsNullOrWhiteSpace(settings.KeyRingCertificatePath))
        {
            current = Load("Storage:KeyRingCertificatePath", settings.KeyRingCertificatePath, "Storage:KeyRingCertificatePassword", settings.KeyRingCertificatePassword, problems);
        }
        else if (!string.IsNullOrEmpty(settings.KeyRingCertificatePassword))
        {
            problems.Add("Storage:KeyRingCertificatePassword is set but Storage:KeyRingCertificatePath is not: name the PFX file it opens.");
        }

        var previous = new List<X509Certificate2>();
        for (var index = 0; index < settings.PreviousKeyRingCertificates.Count; index++)
        {
            var file = settings.PreviousKeyRingCertificates[index];
            var setting = $"Storage:PreviousKeyRingCertificates:{index}";
            if (string.IsNullOrWhiteSpace(file.Path))
            {
                problems.Add($"{setting}:Path must name a PFX file.");
            }
            else if (Load($"{setting}:Path", file.Path, $"{setting}:Password", file.Password, problems) is { } certificate)
            {
                previous.Add(certificate);
            }
        }

        return new KeyRingCertificates(settings.KeyRingCertificatePath, current, previous, problems);
    }

    private static X509Certificate2? Load(string pathSetting, string path, string passwordSetting, string? password, List<string> problems)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            problems.Add($"{pathSetting} {fullPath} does not exist.");
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, password);
            using var rsa = certificate.GetRSAPublicKey();
            var problem = !certificate.HasPrivateKey ? "it holds no private key, which decrypting the key ring needs"
                : rsa is null ? "its key is not an RSA key, which XML encryption needs"
                : null;
            if (problem is null)
            {
                return certificate;
            }

            certificate.Dispose();
            problems.Add($"{pathSetting} {fullPath} cannot protect the key ring: {problem}.");
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            problems.Add($"{pathSetting} {fullPath} cannot be read by the bot.");
        }
        catch (CryptographicException)
        {
            problems.Add($"{pathSetting} {fullPath} cannot be opened: it is not a PFX file, or {passwordSetting} is not its password.");
        }

        return null;
    }
}
