using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Online;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>Reads folded windows; never touches the runs.</summary>
public sealed class OnlineWindowReader(NpgsqlDataSource dataSource, TeacherTables tables)
{
    /// <summary>
    /// The figures of <paramref name="deploymentId"/> whose window starts in [<paramref name="from"/>, <paramref name="to"/>), oldest
    /// first: of the <paramref name="metrics"/> named (every metric when null), at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<WindowFigure>> ReadAsync(
        string deploymentId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string>? metrics, CancellationToken ct, int limit = int.MaxValue)
    {
        await tables.EnsureAsync(ct);
        await using var command = dataSource.CreateCommand($"""
            SELECT deployment_id, config_version, experiment_id, variant, window_start, metric, n, total, squares
            FROM {OnlineWindowTables.Windows}
            WHERE deployment_id = $1 AND window_start >= $2 AND window_start < $3 AND ($4::text[] IS NULL OR metric = ANY($4))
            ORDER BY window_start, config_version, experiment_id, variant, metric
            LIMIT $5
            """);
        command.Parameters.Add(new() { Value = deploymentId });
        command.Parameters.Add(new() { Value = from.UtcDateTime });
        command.Parameters.Add(new() { Value = to.UtcDateTime });
        command.Parameters.Add(new() { Value = (object?)metrics?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (long)limit });
        var figures = new List<WindowFigure>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            figures.Add(new WindowFigure(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero), reader.GetString(5), reader.GetInt64(6), reader.GetDouble(7), reader.GetDouble(8)));
        return figures;
    }
}
