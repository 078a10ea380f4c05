namespace SelfLearn.Agents.Teacher.Metrics.Folding;

/// <summary>
/// The aggregates of a whole experiment read from the folded sums: a few rows per metric, variant and segment, whatever
/// the number of runs. Parameters: $1 the experiment, $2 the metric names, $3 the segments (<c>all</c> first), $4 the
/// baseline (paired only). Columns as <see cref="AggregateSql"/>'s, the metric named by its index in $2.
/// </summary>
internal static class FoldedAggregateSql
{
    private const string Variants = $"SELECT variant FROM {FoldTables.VariantRuns} WHERE experiment_id = $1 AND runs > 0";

    /// <summary>
    /// Percentiles as <c>percentile_cont</c> computes them (linear interpolation at position p·(n − 1)), over the folded
    /// counts of rounded values: the value at a rank is the smallest whose cumulative count passes it.
    /// </summary>
    public const string PerVariant = $"""
        WITH metrics AS (SELECT metric, ord FROM unnest($2::text[]) WITH ORDINALITY AS m(metric, ord)),
        segments AS (SELECT segment, ord FROM unnest($3::text[]) WITH ORDINALITY AS s(segment, ord)),
        counted AS (
            SELECT c.metric, c.variant, c.segment, c.value, c.n, sum(c.n) OVER (PARTITION BY c.metric, c.variant, c.segment ORDER BY c.value) AS upto
            FROM {FoldTables.ValueCounts} c
            WHERE c.experiment_id = $1 AND c.metric = ANY($2) AND c.segment = ANY($3) AND c.n > 0),
        positions AS (
            SELECT t.metric, t.variant, t.segment, p.p, p.p * (t.total - 1) AS position
            FROM (SELECT metric, variant, segment, max(upto) AS total FROM counted GROUP BY metric, variant, segment) t
            CROSS JOIN (VALUES (0.5::float8), (0.95::float8)) AS p(p)),
        percentiles AS (
            SELECT q.metric, q.variant, q.segment, q.p, lo + (hi - lo) * (q.position - floor(q.position)) AS value
            FROM (
                SELECT q.metric, q.variant, q.segment, q.p, q.position,
                    min(c.value) FILTER (WHERE c.upto > floor(q.position)) AS lo, min(c.value) FILTER (WHERE c.upto > ceil(q.position)) AS hi
                FROM positions q JOIN counted c ON c.metric = q.metric AND c.variant = q.variant AND c.segment = q.segment
                GROUP BY q.metric, q.variant, q.segment, q.p, q.position) q)
        SELECT (m.ord - 1)::int, v.variant, s.segment, coalesce(x.n, 0), coalesce(x.total, 0), coalesce(x.squares, 0), p50.value, p95.value, coalesce(x.missing, 0)
        FROM metrics m
        CROSS JOIN ({Variants}) v
        CROSS JOIN segments s
        LEFT JOIN {FoldTables.VariantSums} x ON x.experiment_id = $1 AND x.metric = m.metric AND x.variant = v.variant AND x.segment = s.segment
        LEFT JOIN percentiles p50 ON p50.metric = m.metric AND p50.variant = v.variant AND p50.segment = s.segment AND p50.p = 0.5
        LEFT JOIN percentiles p95 ON p95.metric = m.metric AND p95.variant = v.variant AND p95.segment = s.segment AND p95.p = 0.95
        ORDER BY m.ord, v.variant, s.ord
        """;

    /// <summary>The unordered pair's sums turned to treatment − baseline: with the baseline as <c>high</c>, sides swap and differences change sign.</summary>
    public const string Paired = $"""
        WITH metrics AS (SELECT metric, ord FROM unnest($2::text[]) WITH ORDINALITY AS m(metric, ord)),
        segments AS (SELECT segment, ord FROM unnest($3::text[]) WITH ORDINALITY AS s(segment, ord))
        SELECT (m.ord - 1)::int, s.segment, t.variant, coalesce(p.n, 0),
            coalesce(CASE WHEN p.low = $4 THEN p.s_low ELSE p.s_high END, 0), coalesce(CASE WHEN p.low = $4 THEN p.ss_low ELSE p.ss_high END, 0),
            coalesce(CASE WHEN p.low = $4 THEN p.s_high ELSE p.s_low END, 0), coalesce(CASE WHEN p.low = $4 THEN p.ss_high ELSE p.ss_low END, 0),
            coalesce(CASE WHEN p.low = $4 THEN p.sd ELSE -p.sd END, 0), coalesce(p.ssd, 0),
            coalesce(CASE WHEN p.low = $4 THEN p.high_better ELSE p.high_worse END, 0), coalesce(CASE WHEN p.low = $4 THEN p.high_worse ELSE p.high_better END, 0),
            coalesce(eb.n, 0) - coalesce(p.n, 0), coalesce(et.n, 0) - coalesce(p.n, 0)
        FROM metrics m
        CROSS JOIN segments s
        CROSS JOIN ({Variants} AND variant <> $4) t
        LEFT JOIN {FoldTables.PairSums} p ON p.experiment_id = $1 AND p.metric = m.metric AND p.segment = s.segment
            AND ((p.low = $4 AND p.high = t.variant) OR (p.low = t.variant AND p.high = $4))
        LEFT JOIN {FoldTables.ExampleCounts} eb ON eb.experiment_id = $1 AND eb.metric = m.metric AND eb.segment = s.segment AND eb.variant = $4
        LEFT JOIN {FoldTables.ExampleCounts} et ON et.experiment_id = $1 AND et.metric = m.metric AND et.segment = s.segment AND et.variant = t.variant
        ORDER BY m.ord, t.variant, s.ord
        """;
}
