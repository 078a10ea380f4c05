using Marten;
using Npgsql;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Agents.Experiments.Live;

/// <summary>
/// The sample-ratio check of an online experiment's live traffic (docs/MAAS_CONTRACT.md, "Live traffic split"): per
/// window, the distinct assignment units (users, or threads) among its runs with cycle type online, per variant,
/// tested with <see cref="SampleRatioMismatch"/> against the weights of its design.
/// </summary>
public sealed class LiveSampleRatio(IDocumentStore store, NpgsqlDataSource dataSource)
{
    /// <summary>The check of [<paramref name="start"/>, <paramref name="end"/>); null when no online experiment has that id.</summary>
    public async Task<LiveSrmWindow?> CheckAsync(string experimentId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Experiment>(Experiment.StreamKey(experimentId), ct) is not { Design.Mode: ExperimentMode.Online } experiment)
            return null;
        return (await WindowsAsync(experiment, start, end, end - start, ct)).Single();
    }

    /// <summary>
    /// Every window of <paramref name="window"/> from <paramref name="from"/> up to <paramref name="to"/> (the last one
    /// cut at <paramref name="to"/>), oldest first, with its units counted in one query.
    /// </summary>
    public async Task<IReadOnlyList<LiveSrmWindow>> WindowsAsync(
        Experiment experiment, DateTimeOffset from, DateTimeOffset to, TimeSpan window, CancellationToken ct)
    {
        var counts = await CountUnitsAsync(experiment, from, to, window, ct);
        var shares = VariantAssignment.PlannedShares([.. experiment.Variants.Select(v => v.Weight)]);
        var windows = new List<LiveSrmWindow>();
        for (var (start, index) = (from, 0L); start < to; start += window, index++)
        {
            var end = start + window < to ? start + window : to;
            var units = experiment.Variants.Select((v, i) => new LiveVariantUnits(v.Name, counts.GetValueOrDefault((index, v.Name)), shares[i])).ToList();
            var total = units.Sum(u => u.Units);
            var test = total == 0 ? null : SampleRatioMismatch.Test([.. units.Select(u => u.Units)], shares);
            windows.Add(new LiveSrmWindow(experiment.ExperimentId, start, end, units, total, test?.ChiSquare, experiment.Variants.Count - 1, test?.P,
                test?.IsMismatch ?? false));
        }
        return windows;
    }

    private async Task<Dictionary<(long Window, string Variant), long>> CountUnitsAsync(
        Experiment experiment, DateTimeOffset from, DateTimeOffset to, TimeSpan window, CancellationToken ct)
    {
        var unit = experiment.AssignmentUnit == AssignmentUnit.Thread ? "coalesce(thread_id, user_id)" : "user_id";
        await using var command = dataSource.CreateCommand($"""
            SELECT floor(extract(epoch FROM at - $2) / $4)::bigint AS window_index, variant, count(DISTINCT {unit})
            FROM {TelemetrySchema.Schema}.pipeline_runs
            WHERE experiment_id = $1 AND cycle_type = $5 AND at >= $2 AND at < $3 AND variant IS NOT NULL
            GROUP BY window_index, variant
            """);
        command.Parameters.Add(new() { Value = experiment.ExperimentId });
        command.Parameters.Add(new() { Value = from.UtcDateTime });
        command.Parameters.Add(new() { Value = to.UtcDateTime });
        command.Parameters.Add(new() { Value = window.TotalSeconds });
        command.Parameters.Add(new() { Value = CycleTypes.Online });
        var counts = new Dictionary<(long, string), long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts[(reader.GetInt64(0), reader.GetString(1))] = reader.GetInt64(2);
        return counts;
    }
}
