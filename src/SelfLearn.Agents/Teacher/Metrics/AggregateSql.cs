using System.Globalization;
using System.Text;
using SelfLearn.Agents.Teacher.Metrics.Folding;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// The two aggregate queries over the folded runs, for what the folded sums (<see cref="FoldedAggregateSql"/>) cannot
/// answer: judge-based metrics, the cost, and a scope narrower than the experiment. Composed for the requested metrics
/// only (known names from the registry; every value from outside is a parameter). Parameters: $1 experiment, $2
/// simulation or null, $3 cycle type or null, $4/$5 judge and version or null, $6 segments, $7/$8 prices per million
/// tokens, $9 the baseline variant (paired only). A metric is named by its index in the request. Each run's metrics are
/// one column each (<c>v0</c>, <c>m0</c>, …); the runs are grouped by variant with one grouping set per requested
/// segment dimension, and only the grouped rows are unpivoted per metric.
/// </summary>
internal static class AggregateSql
{
    public static string PerVariant(IReadOnlyList<MetricDefinition> metrics, IReadOnlyList<string> dimensions) => $"""
        {Measured(metrics)},
        grouped AS (
            SELECT variant, {Segment(dimensions)} AS segment,
        {Columns(metrics, (i, m) => $"count(v{i}) AS n{i}, sum(v{i}) AS s{i}, sum(v{i} * v{i}) AS q{i}, count(*) FILTER (WHERE m{i}) AS x{i}" +
            (m.Outcome == MetricOutcome.Skewed
                ? $", percentile_cont(0.5) WITHIN GROUP (ORDER BY r{i}) AS p50_{i}, percentile_cont(0.95) WITHIN GROUP (ORDER BY r{i}) AS p95_{i}"
                : ""))}
            FROM measured GROUP BY {GroupingSets("variant", dimensions)}),
        agg AS (
            SELECT u.* FROM grouped CROSS JOIN LATERAL (VALUES
        {Columns(metrics, (i, m) => m.Outcome == MetricOutcome.Skewed
            ? $"({i}, variant, segment, n{i}, s{i}, q{i}, p50_{i}, p95_{i}, x{i})"
            : $"({i}, variant, segment, n{i}, s{i}, q{i}, NULL::float8, NULL::float8, x{i})")}
            ) AS u(metric, variant, segment, n, total, squares, p50, p95, missing))
        SELECT g_metric.metric, g_variant.variant, g_segment.segment, coalesce(a.n, 0), coalesce(a.total, 0), coalesce(a.squares, 0),
            a.p50, a.p95, coalesce(a.missing, 0)
        FROM generate_series(0, {metrics.Count - 1}) AS g_metric(metric)
        CROSS JOIN (SELECT DISTINCT variant FROM measured) AS g_variant
        CROSS JOIN unnest($6::text[]) AS g_segment(segment)
        LEFT JOIN agg a ON a.metric = g_metric.metric AND a.variant = g_variant.variant AND a.segment = g_segment.segment
        ORDER BY g_metric.metric, g_variant.variant, array_position($6::text[], g_segment.segment)
        """;

    /// <summary>
    /// Per example (simulation, example id) and variant one value: the mean of its runs, which is the run itself unless
    /// it was asked twice. A run's segments come from its golden example, so both sides of a pair share them.
    /// </summary>
    public static string Paired(IReadOnlyList<MetricDefinition> metrics, IReadOnlyList<string> dimensions) => $"""
        {Measured(metrics)},
        per_example AS (
            SELECT variant, simulation_id, example_id, kind, persona, project,
        {Columns(metrics, (i, _) => $"avg(v{i}) AS v{i}")}
            FROM measured WHERE simulation_id IS NOT NULL AND example_id IS NOT NULL
            GROUP BY variant, simulation_id, example_id, kind, persona, project),
        examples AS (
            SELECT variant, {Segment(dimensions)} AS segment,
        {Columns(metrics, (i, _) => $"count(v{i}) AS e{i}")}
            FROM per_example GROUP BY {GroupingSets("variant", dimensions)}),
        pairs AS (
            SELECT t.variant, t.kind, t.persona, t.project,
        {Columns(metrics, (i, _) => $"CASE WHEN t.v{i} IS NOT NULL THEN b.v{i} END AS b{i}, CASE WHEN b.v{i} IS NOT NULL THEN t.v{i} END AS t{i}")}
            FROM per_example t
            JOIN per_example b ON b.simulation_id = t.simulation_id AND b.example_id = t.example_id AND b.variant = $9
            WHERE t.variant <> $9),
        matched AS (
            SELECT variant, {Segment(dimensions)} AS segment,
        {Columns(metrics, (i, m) => $"count(t{i}) AS n{i}, sum(b{i}) AS sb{i}, sum(b{i} * b{i}) AS ssb{i}, sum(t{i}) AS st{i}, sum(t{i} * t{i}) AS sst{i}, " +
            $"sum(t{i} - b{i}) AS sd{i}, sum((t{i} - b{i}) * (t{i} - b{i})) AS ssd{i}, " +
            $"count(*) FILTER (WHERE {Better(m)} * (t{i} - b{i}) > 0) AS bt{i}, count(*) FILTER (WHERE {Better(m)} * (t{i} - b{i}) < 0) AS wr{i}")}
            FROM pairs GROUP BY {GroupingSets("variant", dimensions)}),
        m AS (
            SELECT u.* FROM matched CROSS JOIN LATERAL (VALUES
        {Columns(metrics, (i, _) => $"({i}, variant, segment, n{i}, sb{i}, ssb{i}, st{i}, sst{i}, sd{i}, ssd{i}, bt{i}, wr{i})")}
            ) AS u(metric, treatment, segment, n, sb, ssb, st, sst, sd, ssd, better, worse)),
        e AS (
            SELECT u.* FROM examples CROSS JOIN LATERAL (VALUES
        {Columns(metrics, (i, _) => $"({i}, variant, segment, e{i})")}
            ) AS u(metric, variant, segment, n))
        SELECT g_metric.metric, g_segment.segment, g_treatment.variant, coalesce(m.n, 0),
            coalesce(m.sb, 0), coalesce(m.ssb, 0), coalesce(m.st, 0), coalesce(m.sst, 0), coalesce(m.sd, 0), coalesce(m.ssd, 0),
            coalesce(m.better, 0), coalesce(m.worse, 0), coalesce(eb.n, 0) - coalesce(m.n, 0), coalesce(et.n, 0) - coalesce(m.n, 0)
        FROM generate_series(0, {metrics.Count - 1}) AS g_metric(metric)
        CROSS JOIN unnest($6::text[]) AS g_segment(segment)
        CROSS JOIN (SELECT DISTINCT variant FROM measured WHERE variant <> $9) AS g_treatment
        LEFT JOIN m ON m.metric = g_metric.metric AND m.segment = g_segment.segment AND m.treatment = g_treatment.variant
        LEFT JOIN e eb ON eb.metric = g_metric.metric AND eb.segment = g_segment.segment AND eb.variant = $9
        LEFT JOIN e et ON et.metric = g_metric.metric AND et.segment = g_segment.segment AND et.variant = g_treatment.variant
        ORDER BY g_metric.metric, g_treatment.variant, array_position($6::text[], g_segment.segment)
        """;

    /// <summary>
    /// One row per folded run in scope (<see cref="FoldTables.RunValues"/>, joined to the chosen judge's score) with every
    /// requested metric's value and missing flag as columns: read from the run's folded column, or computed from the
    /// folded run (judge-based metrics, cost). Skewed metrics also get their value as the fold rounds it for
    /// percentiles (<c>r0</c>, …), so both ways of aggregating give the same percentiles.
    /// </summary>
    internal static string Measured(IReadOnlyList<MetricDefinition> metrics) => $"""
        WITH scoped AS (
            SELECT r.*, j.run_id IS NOT NULL AS judged, j.correct, j.hallucinated, j.claims, j.supported_claims, j.used_context_items
            FROM {FoldTables.RunValues} r
            LEFT JOIN {TeacherTables.JudgeScores} j ON j.run_id = r.run_id AND j.judge = $4 AND j.judge_version = $5
            WHERE r.experiment_id = $1 AND ($2::text IS NULL OR r.simulation_id = $2) AND ($3::text IS NULL OR r.cycle_type = $3)),
        measured AS MATERIALIZED (
            SELECT s.variant, s.simulation_id, s.example_id, s.kind, s.persona, s.project,
        {Columns(metrics, (i, m) => Column(i, m))}
            FROM scoped s)
        """;

    private static string Column(int i, MetricDefinition metric)
    {
        if (FoldedMetrics.IndexOf(metric) is not { } k)
            return MetricSql.For(metric) is var (value, missing) ? $"({value})::float8 AS v{i}, {missing} AS m{i}" : "";
        return metric.Outcome == MetricOutcome.Skewed
            ? $"s.v{k} AS v{i}, s.m{k} AS m{i}, {FoldSql.Significant($"s.v{k}")} AS r{i}"
            : $"s.v{k} AS v{i}, s.m{k} AS m{i}";
    }

    /// <summary>The segment a grouping-set row stands for: <c>all</c>, or the one dimension it is grouped by.</summary>
    internal static string Segment(IReadOnlyList<string> dimensions) =>
        dimensions.Count == 0
            ? $"'{Segments.All}'"
            : $"CASE {string.Concat(dimensions.Select(d => $"WHEN GROUPING({d}) = 0 THEN '{d}:' || {d} "))}ELSE '{Segments.All}' END";

    internal static string GroupingSets(string key, IReadOnlyList<string> dimensions) =>
        $"GROUPING SETS (({key}){string.Concat(dimensions.Select(d => $", ({key}, {d})"))})";

    private static int Better(MetricDefinition metric) => metric.Direction == MetricDirection.HigherIsBetter ? 1 : -1;

    private static string Columns(IReadOnlyList<MetricDefinition> metrics, Func<int, MetricDefinition, string> column)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < metrics.Count; i++)
            lines.Append(CultureInfo.InvariantCulture, $"            {column(i, metrics[i])}").AppendLine(i < metrics.Count - 1 ? "," : "");
        return lines.ToString().TrimEnd();
    }
}
