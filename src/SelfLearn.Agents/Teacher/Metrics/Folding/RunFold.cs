using Npgsql;
using NpgsqlTypes;

namespace SelfLearn.Agents.Teacher.Metrics.Folding;

/// <summary>
/// Folds an experiment's runs that are not folded yet (<see cref="FoldTables"/>): each run's metric values are computed
/// once, from the run and the golden example of the dataset version its simulation played, and added to the running
/// sums the aggregates read. One transaction per fold, locked per experiment, so two evaluations never fold a run
/// twice, and a run written while a fold runs waits in the queue for the next one.
/// </summary>
public sealed class RunFold(NpgsqlDataSource dataSource, TeacherTables tables)
{
    /// <summary>Returns how many runs were folded (a run folded again, e.g. once its simulation is known, counts once).</summary>
    /// <param name="played">Every dataset version the experiment's simulations played; their golden examples must be written.</param>
    public async Task<int> RunAsync(string experimentId, IReadOnlyList<PlayedDataset> played, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(experimentId);
        ArgumentNullException.ThrowIfNull(played);
        await tables.EnsureAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('selflearn.fold:' || $1))");
        await ExecuteAsync(FoldSql.Batch);
        if (await CountAsync("SELECT count(*) FROM fold_batch") is 0)
            return 0;
        foreach (var statement in FoldSql.All.Skip(1))
            await ExecuteAsync(statement);
        var folded = await CountAsync("SELECT count(*) FROM fold_added");
        await transaction.CommitAsync(ct);
        return (int)folded;

        // Positional parameters rule out several statements in one command: each runs on its own.
        async Task ExecuteAsync(string sql)
        {
            foreach (var statement in sql.Split(";\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                await using var command = Command(statement.TrimEnd(';'));
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        async Task<long> CountAsync(string sql)
        {
            await using var command = Command(sql);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            if (sql.Contains("$1", StringComparison.Ordinal))
                command.Parameters.Add(new NpgsqlParameter { Value = experimentId, NpgsqlDbType = NpgsqlDbType.Text });
            if (sql.Contains("$2", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = played.Select(p => p.SimulationId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = played.Select(p => p.Dataset).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = played.Select(p => p.Version).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            }
            return command;
        }
    }
}
