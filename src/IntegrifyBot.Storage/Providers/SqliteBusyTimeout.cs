using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IntegrifyBot.Storage.Providers;

/// <summary>
/// Makes SQLite itself wait for the write lock (its busy handler polls within milliseconds) instead
/// of answering "busy" at once. Microsoft.Data.Sqlite's own retry sleeps 150 ms each time, so with
/// several of the bot's writes at once (the notification sender settles a dozen rows together, the
/// poller records hundreds of reads) each collision cost a notification or a poll 150 ms.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>As long as a command may take anyway (Microsoft.Data.Sqlite's default command timeout).</summary>
    private const int Milliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    // A setting of the native connection, which the pool reuses: set on every open, it costs no statement.
    private static void Set(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);
        }
    }
}
