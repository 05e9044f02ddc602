using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// A key ring certificate as an operator would make one: self-signed, RSA, exported with its private
/// key to a PFX file with a password. The files live in one temporary folder for the test run,
/// deleted when it ends (<see cref="TestRunFramework"/>).
/// </summary>
public sealed class TestCertificate
{
    private static readonly string Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"integrifybot-certificates-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
    private static readonly Lazy<TestCertificate> SharedCertificate = new(() => Create("shared"));

    private TestCertificate(string path, string password, byte[] rawData)
    {
        Path = path;
        Password = password;
        RawData = rawData;
    }

    /// <summary>One certificate for every test that only needs the key ring protected.</summary>
    public static TestCertificate Shared => SharedCertificate.Value;

    public string Path { get; }

    public string Password { get; }

    /// <summary>The certificate itself (DER), as XML encryption embeds it beside what it encrypted.</summary>
    public byte[] RawData { get; }

    public static TestCertificate Create(string name)
    {
        using var certificate = SelfSigned(name);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        return new TestCertificate(path, password, certificate.RawData);
    }

    /// <summary>
    /// A key ring certificate as Key Vault hands out a PKCS#12 certificate's secret: the PFX, with no
    /// password, as base64 text.
    /// </summary>
    public static (string Secret, string Thumbprint) AsKeyVaultSecret(string name)
    {
        using var certificate = SelfSigned(name);
        return (Convert.ToBase64String(certificate.Export(X509ContentType.Pfx)), certificate.Thumbprint);
    }

    /// <summary>Deletes every certificate file of this test run.</summary>
    public static void DeleteAll()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=IntegrifyBot key ring ({name})", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>The settings that make this the key ring's certificate.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Storage:KeyRingCertificatePath", Path),
        new("Storage:KeyRingCertificatePassword", Password),
    ];
}
