using Npgsql;

namespace SelfLearn.Api.Tests.Student;

/// <summary>
/// Holds an exclusive lock on one table, so that the app's next read of it waits — deterministically, with no hook in
/// the app — until the test cancels that read or releases the lock.
/// </summary>
internal sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly string table;

    private TableLock(NpgsqlDataSource dataSource, NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        this.dataSource = dataSource;
        this.connection = connection;
        this.transaction = transaction;
        this.table = table;
    }

    public static async Task<TableLock> TakeAsync(NpgsqlDataSource dataSource, string table)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", connection, transaction))
            await command.ExecuteNonQueryAsync();
        return new TableLock(dataSource, connection, transaction, table);
    }

    /// <summary>The process id of the app's backend once it waits for this lock.</summary>
    public async Task<int> WaitForBlockedReaderAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // From the data source: an opened connection's ConnectionString no longer holds the password.
        await using var probe = await dataSource.OpenConnectionAsync(patience.Token);
        await using var command = new NpgsqlCommand($"select pid from pg_locks where relation = '{table}'::regclass and not granted limit 1", probe);
        while (true)
        {
            if (await command.ExecuteScalarAsync(patience.Token) is int pid)
                return pid;
            await Task.Delay(20, patience.Token);
        }
    }

    /// <summary>Cancels the waiting read on the server, as a statement timeout or an administrator would.</summary>
    public async Task CancelBlockedReaderAsync()
    {
        var pid = await WaitForBlockedReaderAsync();
        await using var command = new NpgsqlCommand($"select pg_cancel_backend({pid})", connection, transaction);
        await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
