using System.Data.Common;
using System.Text;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// The encrypted token store on a real database, created by the real migrations: the same tests on
/// a SQLite file and on a PostgreSQL server.
/// </summary>
public abstract class EfTokenStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.jwt-secret-payload-4711.signature";
    private const string RefreshToken = "refresh-secret-0815-do-not-leak";
    private const string ApiKey = "personal-api-key-secret-2342";

    private readonly IntegrifyUser user = new("tenant-1", "aad-alexw");

    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task The_database_is_created_by_the_migrations()
    {
        await using var instance = await StorageInstance.StartAsync(Database);

        await using var context = await instance.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var applied = await context.Database.GetAppliedMigrationsAsync();
        Assert.Contains(applied, migration => migration.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.ConversationReferences.CountAsync());
    }

    [Fact]
    public async Task The_database_store_replaces_the_in_memory_one()
    {
        await using var instance = await StorageInstance.StartAsync(Database);

        Assert.IsType<EfTokenStore>(instance.Store);
    }

    [Fact]
    public async Task A_saved_credential_is_found_as_it_was_saved()
    {
        await using var instance = await StorageInstance.StartAsync(Database);
        var expiresAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var linkedAt = new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero);

        await instance.Store.SaveAsync(user, PasswordCredential() with { JwtExpiresAt = expiresAt, LinkedAt = linkedAt }, CancellationToken.None);
        var found = await instance.Store.FindAsync(user, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("alexw", found.UserName);
        Assert.Equal(LinkMethod.Password, found.Method);
        Assert.Equal(Jwt, found.Jwt);
        Assert.Equal(RefreshToken, found.RefreshToken);
        Assert.Null(found.PersonalApiKey);
        Assert.Equal(expiresAt, found.JwtExpiresAt);
        Assert.Equal(linkedAt, found.LinkedAt);
        Assert.Equal(1, found.Version);
    }

    [Fact]
    public async Task Saving_again_replaces_the_link_and_bumps_the_version()
    {
        await using var instance = await StorageInstance.StartAsync(Database);
        await instance.Store.SaveAsync(user, PasswordCredential(), CancellationToken.None);

        await instance.Store.SaveAsync(user, ApiKeyCredential(), CancellationToken.None);
        var found = await instance.Store.FindAsync(user, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(LinkMethod.PersonalApiKey, found.Method);
        Assert.Equal(ApiKey, found.PersonalApiKey);
        Assert.Null(found.RefreshToken);
        Assert.Equal(2, found.Version);
    }

    [Fact]
    public async Task A_removed_link_is_gone_and_other_users_keep_theirs()
    {
        await using var instance = await StorageInstance.StartAsync(Database);
        var other = new IntegrifyUser("tenant-1", "aad-meganb");
        await instance.Store.SaveAsync(user, PasswordCredential(), CancellationToken.None);
        await instance.Store.SaveAsync(other, ApiKeyCredential(), CancellationToken.None);

        await instance.Store.RemoveAsync(user, CancellationToken.None);
        await instance.Store.RemoveAsync(user, CancellationToken.None);

        Assert.Null(await instance.Store.FindAsync(user, CancellationToken.None));
        Assert.Equal(ApiKey, (await instance.Store.FindAsync(other, CancellationToken.None))?.PersonalApiKey);
    }

    [Fact]
    public async Task No_secret_is_stored_in_clear()
    {
        await using (var instance = await StorageInstance.StartAsync(Database))
        {
            await instance.Store.SaveAsync(user, PasswordCredential(), CancellationToken.None);
            await instance.Store.SaveAsync(new IntegrifyUser("tenant-1", "aad-meganb"), ApiKeyCredential(), CancellationToken.None);
        }

        // Two JWTs, one refresh token, one API key: each stored, none readable.
        var columns = await ReadSecretColumnsAsync();
        Assert.Equal(4, columns.Count);
        Assert.Equal(4, columns.Distinct(StringComparer.Ordinal).Count());
        foreach (var secret in new[] { Jwt, RefreshToken, ApiKey })
        {
            Assert.All(columns, value => Assert.DoesNotContain(secret, value, StringComparison.Ordinal));
        }

        // The whole database, as a thief would take it (SQLite's files, PostgreSQL's pg_dump), in
        // the encodings text could be stored in.
        var bytes = await Database.ReadAllAsync();
        foreach (var secret in new[] { Jwt, RefreshToken, ApiKey, "jwt-secret-payload" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }

        // It is the real thing: the user's key, which is no secret, is there in clear.
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("aad-alexw")));
    }

    [Fact]
    public async Task A_credential_saved_by_one_instance_is_readable_by_another()
    {
        await using var first = await StorageInstance.StartAsync(Database);
        await using var second = await StorageInstance.StartAsync(Database);

        await first.Store.SaveAsync(user, PasswordCredential(), CancellationToken.None);
        var found = await second.Store.FindAsync(user, CancellationToken.None);

        Assert.Equal(Jwt, found?.Jwt);
        Assert.Equal(RefreshToken, found?.RefreshToken);
    }

    [Fact]
    public async Task A_link_to_another_integrify_instance_is_not_used()
    {
        await using (var instance = await StorageInstance.StartAsync(Database))
        {
            await instance.Store.SaveAsync(user, PasswordCredential(), CancellationToken.None);
        }

        await using (var connection = await Database.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "UPDATE \"LinkedAccounts\" SET \"IntegrifyBaseUrl\" = 'https://other.integrify.com/'");
        }

        await using var moved = await StorageInstance.StartAsync(Database);
        Assert.Null(await moved.Store.FindAsync(user, CancellationToken.None));
    }

    internal static IntegrifyCredential PasswordCredential() => new()
    {
        UserName = "alexw",
        Method = LinkMethod.Password,
        Jwt = Jwt,
        RefreshToken = RefreshToken,
    };

    private static IntegrifyCredential ApiKeyCredential() => new()
    {
        UserName = "meganb",
        Method = LinkMethod.PersonalApiKey,
        Jwt = Jwt,
        PersonalApiKey = ApiKey,
    };

    /// <summary>Runs SQL outside the bot; identifiers are quoted, as both engines accept them.</summary>
    protected static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> ReadSecretColumnsAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ProtectedJwt\", \"ProtectedRefreshToken\", \"ProtectedPersonalApiKey\" FROM \"LinkedAccounts\"";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                if (!reader.IsDBNull(column))
                {
                    values.Add(reader.GetString(column));
                }
            }
        }

        return values;
    }

    public sealed class OnSqlite() : EfTokenStoreTests(StorageProvider.Sqlite)
    {
        [Fact]
        public async Task The_file_is_in_write_ahead_logging_mode_so_that_reads_go_on_during_a_renewal()
        {
            await using (await StorageInstance.StartAsync(Database))
            {
            }

            await using var connection = await Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync() as string);
        }
    }

    public sealed class OnPostgres() : EfTokenStoreTests(StorageProvider.Postgres)
    {
        [Fact]
        public async Task The_tables_are_made_by_the_postgresql_migrations()
        {
            await using var instance = await StorageInstance.StartAsync(Database);

            await using var context = await instance.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
            Assert.IsType<PostgresBotDbContext>(context);
            await using var connection = await Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT data_type FROM information_schema.columns WHERE table_name = 'LinkedAccounts' AND column_name = 'LinkedAt'";
            Assert.Equal("timestamp with time zone", await command.ExecuteScalarAsync() as string);
        }
    }
}
