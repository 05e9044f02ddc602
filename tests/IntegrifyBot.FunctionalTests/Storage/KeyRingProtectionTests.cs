using System.Xml.Linq;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// The Data Protection key ring lives in the same database as the ciphertext it decrypts, so it is
/// encrypted there with an X.509 certificate: a copy of the database alone holds no usable key. The
/// same tests on SQLite and PostgreSQL, each with certificates made for the test.
/// </summary>
public abstract class KeyRingProtectionTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly KeyValuePair<string, string?>[] Unprotected =
    [
        new("Storage:KeyRingCertificatePath", string.Empty),
        new("Storage:KeyRingCertificatePassword", string.Empty),
        new("Storage:AllowUnprotectedKeyRing", "true"),
    ];

    private readonly IntegrifyUser user = new("tenant-1", "aad-alexw");
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_keys_in_the_database_are_encrypted_to_the_certificate_and_no_master_key_is_in_clear()
    {
        var certificate = TestCertificate.Create("protected");
        await using (var instance = await StorageInstance.StartAsync(database, settings: certificate.Settings()))
        {
            await instance.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
        }

        var keys = await ReadKeysAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Empty(Named(key, "masterKey"));
            var secret = Assert.Single(Named(key, "encryptedSecret"));
            Assert.Contains("EncryptedXmlDecryptor", (string?)secret.Attribute("decryptorType"), StringComparison.Ordinal);
            Assert.NotEmpty(Named(secret, "CipherValue"));
            Assert.Equal(Convert.ToBase64String(certificate.RawData), Assert.Single(Named(secret, "X509Certificate")).Value);
        });
    }

    [Fact]
    public async Task Without_a_certificate_the_master_key_is_in_clear_in_the_database()
    {
        // What the test above guards against, seen for real: the key that decrypts every token, readable.
        await using (var instance = await StorageInstance.StartAsync(database, settings: Unprotected))
        {
            await instance.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
        }

        var key = Assert.Single(await ReadKeysAsync());

        Assert.Empty(Named(key, "encryptedSecret"));
        Assert.NotEmpty(Assert.Single(Named(Assert.Single(Named(key, "masterKey")), "value")).Value);
    }

    [Fact]
    public async Task Tokens_round_trip_and_another_instance_with_the_same_certificate_reads_them()
    {
        var certificate = TestCertificate.Create("two-instances");
        await using var first = await StorageInstance.StartAsync(database, settings: certificate.Settings());
        await using var second = await StorageInstance.StartAsync(database, settings: certificate.Settings());

        await first.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);

        foreach (var instance in new[] { first, second })
        {
            var found = await instance.Store.FindAsync(user, CancellationToken.None);
            Assert.Equal(EfTokenStoreTests.PasswordCredential().Jwt, found?.Jwt);
            Assert.Equal(EfTokenStoreTests.PasswordCredential().RefreshToken, found?.RefreshToken);
        }
    }

    [Fact]
    public async Task An_instance_with_another_certificate_cannot_read_the_tokens()
    {
        await using (var owner = await StorageInstance.StartAsync(database, settings: TestCertificate.Create("owner").Settings()))
        {
            await owner.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
        }

        await using var stranger = await StorageInstance.StartAsync(database, settings: TestCertificate.Create("stranger").Settings());

        Assert.Null(await stranger.Store.FindAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task After_the_certificate_is_replaced_the_previous_one_decrypts_older_keys_and_new_keys_use_the_new_one()
    {
        var previous = TestCertificate.Create("previous");
        var current = TestCertificate.Create("current");
        await using (var before = await StorageInstance.StartAsync(database, settings: previous.Settings()))
        {
            await before.Store.SaveAsync(user, EfTokenStoreTests.PasswordCredential(), CancellationToken.None);
        }

        // Without the previous certificate, the keys it encrypted are lost, and the tokens with them.
        await using (var forgetful = await StorageInstance.StartAsync(database, settings: current.Settings()))
        {
            Assert.Null(await forgetful.Store.FindAsync(user, CancellationToken.None));
        }

        await using var after = await StorageInstance.StartAsync(database, settings:
        [
            .. current.Settings(),
            new("Storage:PreviousKeyRingCertificates:0:Path", previous.Path),
            new("Storage:PreviousKeyRingCertificates:0:Password", previous.Password),
        ]);
        Assert.Equal(EfTokenStoreTests.PasswordCredential().RefreshToken, (await after.Store.FindAsync(user, CancellationToken.None))?.RefreshToken);

        after.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        var newest = (await ReadKeysAsync())[^1];
        Assert.Equal(Convert.ToBase64String(current.RawData), Assert.Single(Named(newest, "X509Certificate")).Value);
    }

    private static IEnumerable<XElement> Named(XElement element, string localName) =>
        element.Descendants().Where(descendant => descendant.Name.LocalName == localName);

    /// <summary>The key ring as stored, oldest key first: what a copy of the database holds.</summary>
    private async Task<List<XElement>> ReadKeysAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<XElement>();
        while (await reader.ReadAsync())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public sealed class OnSqlite() : KeyRingProtectionTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : KeyRingProtectionTests(StorageProvider.Postgres);
}
