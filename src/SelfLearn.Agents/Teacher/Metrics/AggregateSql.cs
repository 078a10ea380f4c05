using System.Globalization;
using System.Text;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>
/// The two aggregate queries, composed from <see cref="MetricSql"/> for the requested metrics only (known names from the
/// registry; every value from outside is a parameter). Parameters: $1 experiment, $2 simulation or null, $3 cycle type
/// or null, $4/$5/$6 the played simulations' ids, dataset names and versions, $7 segments, $8/$9 judge and version or
/// null, $10/$11 prices per million tokens, $12 the baseline variant (paired only). A metric is named by its index in
/// the request.
/// </summary>
internal static class AggregateSql
{
    public static string PerVariant(IReadOnlyList<MetricDefinition> metrics) => $"""
        {Measured(metrics)},
        agg AS (
            SELECT metric, variant, segment, count(value) AS n, sum(value) AS total, sum(value * value) AS squares,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY value) FILTER (WHERE skewed) AS p50,
                percentile_cont(0.95) WITHIN GROUP (ORDER BY value) FILTER (WHERE skewed) AS p95,
                count(*) FILTER (WHERE missing) AS missing
            FROM measured GROUP BY metric, variant, segment)
        SELECT g_metric.metric, g_variant.variant, g_segment.segment, coalesce(a.n, 0), coalesce(a.total, 0), coalesce(a.squares, 0),
            a.p50, a.p95, coalesce(a.missing, 0)
        FROM generate_series(0, {metrics.Count - 1}) AS g_metric(metric)
        CROSS JOIN (SELECT DISTINCT variant FROM scoped) AS g_variant
        CROSS JOIN unnest($7::text[]) AS g_segment(segment)
        LEFT JOIN agg a ON a.metric = g_metric.metric AND a.variant = g_variant.variant AND a.segment = g_segment.segment
        ORDER BY g_metric.metric, g_variant.variant, array_position($7::text[], g_segment.segment)
        """;

    /// <summary>Per example (simulation, example id) and variant one value: the mean of its runs, which is the run itself unless it was asked twice.</summary>
    public static string Paired(IReadOnlyList<MetricDefinition> metrics) => $"""
        {Measured(metrics)},
        per_example AS (
            SELECT metric, better, segment, variant, simulation_id, example_id, avg(value) AS value
            FROM measured WHERE value IS NOT NULL AND simulation_id IS NOT NULL AND example_id IS NOT NULL
            GROUP BY metric, better, segment, variant, simulation_id, example_id),
        examples AS (SELECT metric, segment, variant, count(*) AS n FROM per_example GROUP BY metric, segment, variant),
        matched AS (
            SELECT t.metric, t.segment, t.variant AS treatment, count(*) AS n,
                sum(b.value) AS sb, sum(b.value * b.value) AS ssb, sum(t.value) AS st, sum(t.value * t.value) AS sst,
                sum(t.value - b.value) AS sd, sum((t.value - b.value) * (t.value - b.value)) AS ssd,
                count(*) FILTER (WHERE t.better * (t.value - b.value) > 0) AS better,
                count(*) FILTER (WHERE t.better * (t.value - b.value) < 0) AS worse
            FROM per_example t
            JOIN per_example b ON b.metric = t.metric AND b.segment = t.segment AND b.simulation_id = t.simulation_id
                AND b.example_id = t.example_id AND b.variant = $12
            WHERE t.variant <> $12
            GROUP BY t.metric, t.segment, t.variant)
        SELECT g_metric.metric, g_segment.segment, g_treatment.variant, coalesce(m.n, 0),
            coalesce(m.sb, 0), coalesce(m.ssb, 0), coalesce(m.st, 0), coalesce(m.sst, 0), coalesce(m.sd, 0), coalesce(m.ssd, 0),
            coalesce(m.better, 0), coalesce(m.worse, 0), coalesce(eb.n, 0) - coalesce(m.n, 0), coalesce(et.n, 0) - coalesce(m.n, 0)
        FROM generate_series(0, {metrics.Count - 1}) AS g_metric(metric)
        CROSS JOIN unnest($7::text[]) AS g_segment(segment)
        CROSS JOIN (SELECT DISTINCT variant FROM scoped WHERE variant <> $12) AS g_treatment
        LEFT JOIN matched m ON m.metric = g_metric.metric AND m.segment = g_segment.segment AND m.treatment = g_treatment.variant
        LEFT JOIN examples eb ON eb.metric = g_metric.metric AND eb.segment = g_segment.segment AND eb.variant = $12
        LEFT JOIN examples et ON et.metric = g_metric.metric AND et.segment = g_segment.segment AND et.variant = g_treatment.variant
        ORDER BY g_metric.metric, g_treatment.variant, array_position($7::text[], g_segment.segment)
        """;

    /// <summary>
    /// One row per run in scope (joined to its golden example through the dataset version its simulation played, and to
    /// the chosen judge's score), then one row per run, metric and segment it falls in.
    /// </summary>
    private static string Measured(IReadOnlyList<MetricDefinition> metrics) => $"""
        WITH played AS (SELECT * FROM unnest($4::text[], $5::text[], $6::int[]) AS p(simulation_id, dataset, version)),
        scoped AS (
            SELECT r.run_id, r.variant, r.simulation_id, r.example_id, r.answer IS NOT NULL AS answered, r.abstained, r.error,
                r.tokens_in, r.tokens_out, r.latency_ms, r.observed_total_ms,
                coalesce(r.ranked_source_ids, r.retrieved_source_ids) AS ranked, r.retrieved_source_ids AS delivered,
                g.example_id IS NOT NULL AS golden, g.evidence_source_ids AS evidence, g.answerable, g.kind, g.persona, g.project,
                j.run_id IS NOT NULL AS judged, j.correct, j.hallucinated, j.claims, j.supported_claims, j.used_context_items
            FROM {TeacherTables.Runs} r
            LEFT JOIN played p ON p.simulation_id = r.simulation_id
            LEFT JOIN {TeacherTables.GoldenExamples} g ON g.dataset = p.dataset AND g.version = p.version AND g.example_id = r.example_id
            LEFT JOIN {TeacherTables.JudgeScores} j ON j.run_id = r.run_id AND j.judge = $8 AND j.judge_version = $9
            WHERE r.experiment_id = $1 AND ($2::text IS NULL OR r.simulation_id = $2) AND ($3::text IS NULL OR r.cycle_type = $3)
                AND r.variant IS NOT NULL),
        measured AS (
            SELECT v.variant, v.simulation_id, v.example_id, seg.segment, v.metric, v.better, v.skewed, v.value, v.missing
            FROM (
                SELECT s.variant, s.simulation_id, s.example_id, s.kind, s.persona, s.project, m.*
                FROM scoped s
                CROSS JOIN LATERAL (VALUES
        {Values(metrics)}
                ) AS m(metric, better, skewed, value, missing)) AS v
            CROSS JOIN LATERAL (VALUES ('{Segments.All}'), ('{Segments.Kind}:' || v.kind), ('{Segments.Persona}:' || v.persona),
                ('{Segments.Project}:' || v.project)) AS seg(segment)
            WHERE seg.segment = ANY($7::text[]))
        """;

    private static string Values(IReadOnlyList<MetricDefinition> metrics)
    {
        var rows = new StringBuilder();
        for (var i = 0; i < metrics.Count; i++)
        {
            var (value, missing) = MetricSql.For(metrics[i]);
            var better = metrics[i].Direction == MetricDirection.HigherIsBetter ? 1 : -1;
            var skewed = metrics[i].Outcome == MetricOutcome.Skewed ? "true" : "false";
            rows.Append(CultureInfo.InvariantCulture, $"            ({i}, {better}, {skewed}, ({value})::float8, {missing})");
            rows.AppendLine(i < metrics.Count - 1 ? "," : "");
        }
        return rows.ToString().TrimEnd();
    }
}
