using System.Data.Common;
using IntegrifyBot.Storage;
using Npgsql;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>A database of its own on the test run's PostgreSQL server, dropped afterwards.</summary>
public sealed class PostgresTestDatabase(PostgresServer server, string name) : TestDatabase
{
    public override StorageProvider Provider => StorageProvider.Postgres;

    public string Name => name;

    public override string ConnectionString => server.ConnectionString(name);

    public override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override Task<byte[]> ReadAllAsync() => server.DumpAsync(name);

    public override async ValueTask DisposeAsync() => await server.DropDatabaseAsync(name);
}
