
namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// One row of the Notifications table as anyone with the connection string reads it, for tests
/// whose bot runs elsewhere (another process, another instance) and cannot be asked.
/// </summary>
public sealed record OutboxRow(long Id, string RecipientTaskSid, string State, string? ClaimedBy, int Attempts, string? LastError, string TeamsTenantId)
{
    public static async Task<IReadOnlyList<OutboxRow>> ReadAllAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "RecipientTaskSid", "State", "ClaimedBy", "Attempts", "LastError", "TeamsTenantId" FROM "Notifications" ORDER BY "Id" """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                await reader.IsDBNullAsync(3) ? null : reader.GetString(3),
                reader.GetInt32(4),
                await reader.IsDBNullAsync(5) ? null : reader.GetString(5),
                reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>The rows once <paramref name="expected"/> holds for them: the bot settles rows on its own time.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> WaitForAsync(TestDatabase database, Func<IReadOnlyList<OutboxRow>, bool> expected, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rows = await ReadAllAsync(database);
            if (expected(rows))
            {
                return rows;
            }

            if (DateTime.UtcNow > deadline)
            {
                var states = string.Join(", ", rows.GroupBy(row => (row.State, Claimed: row.ClaimedBy is not null)).Select(group => $"{group.Count()} {group.Key.State}{(group.Key.Claimed ? " (claimed)" : string.Empty)}"));
                Assert.Fail($"The outbox did not come to the expected state in time: {states}.\n{diagnostics?.Invoke()}");
            }

            await Task.Delay(50);
        }
    }
}
