using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Teacher.Metrics.Folding;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// A validated request after its runs were folded: which metrics the folded sums answer (a whole experiment's, neither
/// judge-based nor priced) and which the per-run query computes, and the parameters of the latter.
/// </summary>
internal sealed record PreparedRequest(
    MetricRequest Request, IReadOnlyList<MetricDefinition> Metrics, bool WholeExperiment, IReadOnlyList<string> Dimensions, NpgsqlParameter[] Parameters)
{
    /// <summary>Both queries' rows, each metric's rows in the order its query returns them, metrics in the order requested.</summary>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(
        NpgsqlDataSource dataSource, Func<IReadOnlyList<MetricDefinition>, IReadOnlyList<string>, string> perRunSql, string foldedSql, string? baseline,
        Func<IReadOnlyList<MetricDefinition>, NpgsqlDataReader, T> row, Func<T, string> metricOf, CancellationToken ct)
    {
        IReadOnlyList<MetricDefinition> folded = WholeExperiment ? [.. Metrics.Where(m => FoldedMetrics.IndexOf(m) is not null)] : [];
        IReadOnlyList<MetricDefinition> perRun = [.. Metrics.Except(folded)];
        var rows = new List<T>();
        if (folded.Count > 0)
        {
            await using var command = dataSource.CreateCommand(foldedSql);
            command.Parameters.Add(AggregateMetrics.Text(Request.Scope.ExperimentId));
            command.Parameters.Add(AggregateMetrics.TextArray(folded.Select(m => m.Name)));
            command.Parameters.Add(AggregateMetrics.TextArray(Request.SegmentsWithAll));
            if (baseline is not null)
                command.Parameters.Add(AggregateMetrics.Text(baseline));
            await ReadRowsAsync(command, folded);
        }
        if (perRun.Count > 0)
        {
            await using var command = dataSource.CreateCommand(perRunSql(perRun, Dimensions));
            command.Parameters.AddRange(Parameters.Select(p => p.Clone()).ToArray());
            if (baseline is not null)
                command.Parameters.Add(new NpgsqlParameter { Value = baseline, NpgsqlDbType = NpgsqlDbType.Text });
            await ReadRowsAsync(command, perRun);
        }
        var order = Metrics.Select((m, i) => (m.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return [.. rows.Select((r, i) => (r, i)).OrderBy(p => order[metricOf(p.r)]).ThenBy(p => p.i).Select(p => p.r)];

        async Task ReadRowsAsync(NpgsqlCommand command, IReadOnlyList<MetricDefinition> metrics)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(row(metrics, reader));
        }
    }
}
