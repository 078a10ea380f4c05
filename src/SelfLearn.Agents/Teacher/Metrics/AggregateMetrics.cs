using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics.Folding;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// Metrics of an experiment's runs as sums per variant and segment, and as paired differences against a baseline,
/// computed in PostgreSQL: no run is loaded into .NET. Runs are read through the <c>selflearn.runs</c> view, so runs the
/// Student recorded and runs the emulator observed of an external MaaS count alike. Each call first folds the runs that
/// arrived since the last one (<see cref="RunFold"/>); the experiment's folded sums then answer every metric that
/// needs neither a judge nor the prices, and the folded per-run table the rest and any narrower scope (<see cref="AggregateSql"/>).
/// </summary>
/// <exception cref="ArgumentException">The request names an unknown metric or segment, or a baseline without runs; nothing is computed.</exception>
public sealed class AggregateMetrics(
    NpgsqlDataSource dataSource, TeacherTables tables, GoldenExampleTable golden, TelemetryWriter telemetry, RunFold fold, IOptions<PriceOptions> prices)
{
    public async Task<IReadOnlyList<MetricAggregate>> PerVariantAsync(MetricRequest request, CancellationToken ct)
    {
        var prepared = await PrepareAsync(request, null, ct);
        var aggregates = await prepared.ReadAsync(dataSource, AggregateSql.PerVariant, FoldedAggregateSql.PerVariant, null, (metrics, reader) =>
            new MetricAggregate(metrics[reader.GetInt32(0)].Name, reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetDouble(7),
                reader.GetInt64(8)), a => a.Metric, ct);
        return await SkewedValues.AttachAsync(dataSource, prepared, aggregates, ct);
    }

    /// <summary>
    /// Treatment against <paramref name="baseline"/> for every other variant, over examples matched by simulation and
    /// example id; examples only one side has a value for are counted as unmatched and left out of the sums.
    /// </summary>
    public async Task<IReadOnlyList<PairedAggregate>> PairedAsync(MetricRequest request, string baseline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var prepared = await PrepareAsync(request, baseline, ct);
        return await prepared.ReadAsync(dataSource, AggregateSql.Paired, FoldedAggregateSql.Paired, baseline, (metrics, reader) =>
            new PairedAggregate(metrics[reader.GetInt32(0)].Name, reader.GetString(1), baseline, reader.GetString(2), reader.GetInt64(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9),
                reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(13)), p => p.Metric, ct);
    }

    private async Task<PreparedRequest> PrepareAsync(MetricRequest request, string? baseline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Validate() is { } invalid)
            throw new ArgumentException(invalid, nameof(request));
        IReadOnlyList<MetricDefinition> metrics = [.. request.Metrics.Distinct(StringComparer.Ordinal).Select(MetricRegistry.Get)];

        await telemetry.FlushAsync(ct);
        await tables.EnsureAsync(ct);
        if (baseline is not null)
            await RequireRunsAsync(request.Scope, baseline, ct);
        var scope = request.Scope;
        var experiment = new MetricScope(scope.ExperimentId);
        var played = await golden.PlayedAsync(experiment, ct);
        IReadOnlyList<PlayedDataset> inScope = scope.SimulationId is null ? played : [.. played.Where(p => p.SimulationId == scope.SimulationId)];
        var missing = new List<(PlayedDataset Version, IReadOnlyList<GoldenExample> Examples)>();
        foreach (var version in played.DistinctBy(p => (p.Dataset, p.Version, p.Sha256)))
            if (await golden.MissingAsync(version, ct) is { } examples)
                missing.Add((version, examples));
        var missingInScope = missing.Where(m => inScope.Any(p => (p.Dataset, p.Version) == (m.Version.Dataset, m.Version.Version))).SelectMany(m => m.Examples);
        await RequireKnownSegmentsAsync(request.SegmentsWithAll, inScope, missingInScope, ct);
        foreach (var (version, examples) in missing)
            await golden.WriteAsync(version, examples, ct);
        await fold.RunAsync(scope.ExperimentId, played, ct);

        return new PreparedRequest(request, metrics, scope == experiment, Dimensions(request),
        [
            Text(scope.ExperimentId), Text(scope.SimulationId), Text(scope.CycleType), Text(request.Judge?.Judge), Text(request.Judge?.Version),
            TextArray(request.SegmentsWithAll),
            new NpgsqlParameter { Value = prices.Value.InputPerMillion, NpgsqlDbType = NpgsqlDbType.Double },
            new NpgsqlParameter { Value = prices.Value.OutputPerMillion, NpgsqlDbType = NpgsqlDbType.Double },
        ]);
    }

    /// <summary>Kinds are a closed list; a persona or project is known when a played dataset names it.</summary>
    private async Task RequireKnownSegmentsAsync(
        IReadOnlyList<string> segments, IReadOnlyList<PlayedDataset> played, IEnumerable<GoldenExample> unwritten, CancellationToken ct)
    {
        var named = segments.Where(s => s.StartsWith($"{Segments.Persona}:", StringComparison.Ordinal) || s.StartsWith($"{Segments.Project}:", StringComparison.Ordinal)).ToList();
        if (named.Count == 0)
            return;
        await using var command = dataSource.CreateCommand($"""
            SELECT DISTINCT unnest(ARRAY['{Segments.Persona}:' || g.persona, '{Segments.Project}:' || g.project])
            FROM unnest($1::text[], $2::int[]) AS p(dataset, version)
            JOIN {TeacherTables.GoldenExamples} g ON g.dataset = p.dataset AND g.version = p.version
            """);
        command.Parameters.Add(TextArray(played.Select(p => p.Dataset)));
        command.Parameters.Add(IntArray(played.Select(p => p.Version)));
        var known = new SortedSet<string>(unwritten.SelectMany(e => new[] { $"{Segments.Persona}:{e.Persona}", $"{Segments.Project}:{e.Project}" }),
            StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                known.Add(reader.GetString(0));
        var unknown = named.Where(s => !known.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown segment{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}: no golden example " +
                $"the experiment's simulations played has it (known: {(known.Count == 0 ? "none" : string.Join(", ", known))}).");
    }

    private async Task RequireRunsAsync(MetricScope scope, string variant, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {TeacherTables.Runs} WHERE experiment_id = $1 AND variant = $2)");
        command.Parameters.Add(Text(scope.ExperimentId));
        command.Parameters.Add(Text(variant));
        if (await command.ExecuteScalarAsync(ct) is not true)
            throw new ArgumentException($"baseline variant '{variant}' has no runs in experiment '{scope.ExperimentId}'.");
    }

    /// <summary>The segment dimensions the request cuts by, so the SQL groups by those only.</summary>
    private static IReadOnlyList<string> Dimensions(MetricRequest request) =>
        [.. Segments.Dimensions.Where(d => request.SegmentsWithAll.Any(s => s.StartsWith($"{d}:", StringComparison.Ordinal)))];

    internal static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    internal static NpgsqlParameter TextArray(IEnumerable<string> values) => new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter IntArray(IEnumerable<int> values) => new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer };
}
