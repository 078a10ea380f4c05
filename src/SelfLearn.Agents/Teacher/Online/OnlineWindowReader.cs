using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Online;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>Reads folded windows; never touches the runs.</summary>
public sealed class OnlineWindowReader(NpgsqlDataSource dataSource, TeacherTables tables)
{
    /// <summary>Every figure of <paramref name="deploymentId"/> whose window starts in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public Task<IReadOnlyList<WindowFigure>> ReadAsync(string deploymentId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ReadAsync(deploymentId, from, to, metric: null, limit: int.MaxValue, ct);

    /// <summary>The same, for one metric when <paramref name="metric"/> is given, and at most <paramref name="limit"/> figures.</summary>
    public async Task<IReadOnlyList<WindowFigure>> ReadAsync(
        string deploymentId, DateTimeOffset from, DateTimeOffset to, string? metric, int limit, CancellationToken ct)
    {
        await tables.EnsureAsync(ct);
        await using var command = dataSource.CreateCommand($"""
            SELECT deployment_id, config_version, experiment_id, variant, window_start, metric, n, total, squares
            FROM {OnlineWindowTables.Windows}
            WHERE deployment_id = $1 AND window_start >= $2 AND window_start < $3 AND ($4::text IS NULL OR metric = $4)
            ORDER BY window_start, config_version, experiment_id, variant, metric
            LIMIT $5
            """);
        command.Parameters.Add(new() { Value = deploymentId });
        command.Parameters.Add(new() { Value = from.UtcDateTime });
        command.Parameters.Add(new() { Value = to.UtcDateTime });
        command.Parameters.Add(new() { Value = (object?)metric ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (long)limit });
        var figures = new List<WindowFigure>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            figures.Add(new WindowFigure(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero), reader.GetString(5), reader.GetInt64(6), reader.GetDouble(7), reader.GetDouble(8)));
        return figures;
    }
}
