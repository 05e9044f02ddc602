using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Providers;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.UnitTests.Storage;

/// <summary>The "Storage" section: a default file in the data folder, and clear refusals.</summary>
public sealed class StorageOptionsTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Theory]
    [InlineData("Storage:Provider", "Oracle")]
    [InlineData("Storage:ConnectionString", "Data Source=:memory:")]
    [InlineData("Storage:ConnectionString", "Data Source=x.db;Mode=Memory")]
    [InlineData("Storage:ConnectionString", "Nonsense=1")]
    public async Task A_bad_storage_section_is_refused_with_a_message_naming_the_key(string key, string value)
    {
        await using var services = Services(new() { [key] = value });

        var refusal = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused_in_one_message()
    {
        await using var services = Services(new() { ["Storage:Provider"] = "Postgres" });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        var failure = Assert.Single(refusal.Failures);
        Assert.StartsWith("Storage:ConnectionString must be set when Storage:Provider is Postgres", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database=bot;Username=bot;Password=hunter2-secret")]
    [InlineData("Host=db;Password=hunter2-secret;Nonsense=1")]
    [InlineData("Host=db;Password=hunter2-secret;Port=not-a-port")]
    public async Task A_bad_postgres_connection_string_is_refused_without_repeating_its_password(string connectionString)
    {
        await using var services = Services(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connectionString });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        var failure = Assert.Single(refusal.Failures);
        Assert.StartsWith("Storage:ConnectionString ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_with_a_connection_string_gets_the_postgres_provider()
    {
        await using var services = Services(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = "Host=db.internal;Database=bot;Username=bot;Password=hunter2-secret" });

        Assert.IsType<PostgresDatabaseProvider>(services.GetRequiredService<IBotDatabaseProvider>());
        Assert.DoesNotContain("hunter2", services.GetRequiredService<IOptions<StorageOptions>>().Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_ring_certificate_the_start_is_refused_in_one_message_unless_allowed()
    {
        var withoutCertificate = new Dictionary<string, string?> { ["Storage:KeyRingCertificatePath"] = string.Empty, ["Storage:KeyRingCertificatePassword"] = string.Empty };
        await using var refused = Services(withoutCertificate);
        await using var allowed = Services(new(withoutCertificate) { ["Storage:AllowUnprotectedKeyRing"] = "true" });

        var refusal = Assert.Throws<OptionsValidationException>(() => refused.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.StartsWith("Storage:KeyRingCertificatePath is not set", Assert.Single(refusal.Failures), StringComparison.Ordinal);
        Assert.True(allowed.GetRequiredService<IOptions<StorageOptions>>().Value.AllowUnprotectedKeyRing);
    }

    [Fact]
    public async Task A_key_ring_certificate_with_a_wrong_password_is_refused_without_repeating_either_password()
    {
        await using var services = Services(new() { ["Storage:KeyRingCertificatePassword"] = "wrong-password-1234" });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        var failure = Assert.Single(refusal.Failures);
        Assert.StartsWith($"Storage:KeyRingCertificatePath {TestCertificate.Shared.Path} cannot be opened", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-1234", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCertificate.Shared.Password, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_ring_certificates_that_cannot_protect_it_are_each_refused_with_the_reason()
    {
        var password = "pfx-password";
        var withoutKey = Pfx(database.Folder, "without-key", password, certificate => X509CertificateLoader.LoadCertificate(certificate.RawData));
        var ecdsa = Pfx(database.Folder, "ecdsa", password, null);
        await using var services = Services(new()
        {
            ["Storage:KeyRingCertificatePath"] = withoutKey,
            ["Storage:KeyRingCertificatePassword"] = password,
            ["Storage:PreviousKeyRingCertificates:0:Path"] = ecdsa,
            ["Storage:PreviousKeyRingCertificates:0:Password"] = password,
            ["Storage:PreviousKeyRingCertificates:1:Path"] = Path.Combine(database.Folder, "missing.pfx"),
        });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Collection(
            refusal.Failures,
            failure => Assert.Equal($"Storage:KeyRingCertificatePath {withoutKey} cannot protect the key ring: it holds no private key, which decrypting the key ring needs.", failure),
            failure => Assert.Equal($"Storage:PreviousKeyRingCertificates:0:Path {ecdsa} cannot protect the key ring: its key is not an RSA key, which XML encryption needs.", failure),
            failure => Assert.Equal($"Storage:PreviousKeyRingCertificates:1:Path {Path.Combine(database.Folder, "missing.pfx")} does not exist.", failure));
    }

    [Fact]
    public async Task A_key_ring_password_without_a_certificate_is_refused()
    {
        await using var services = Services(new() { ["Storage:KeyRingCertificatePath"] = string.Empty, ["Storage:AllowUnprotectedKeyRing"] = "true" });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.StartsWith("Storage:KeyRingCertificatePassword is set but Storage:KeyRingCertificatePath is not", Assert.Single(refusal.Failures), StringComparison.Ordinal);
    }

    // A self-signed ECDSA certificate, or what a transform makes of it, as a PFX file.
    private static string Pfx(string folder, string name, string password, Func<X509Certificate2, X509Certificate2>? transform)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var stored = transform?.Invoke(certificate) ?? X509CertificateLoader.LoadPkcs12(certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password), password);
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, stored.Export(X509ContentType.Pfx, password));
        return path;
    }

    // With the key ring's certificate, as production needs, unless a test says otherwise.
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestCertificate.Shared.Settings()).AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBotStorage(configuration).BuildServiceProvider();
    }
}
