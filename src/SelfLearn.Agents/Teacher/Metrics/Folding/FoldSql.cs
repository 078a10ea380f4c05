using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics.Folding;

/// <summary>
/// The statements of one fold (<see cref="RunFold"/>), in order. Parameters: $1 the experiment, $2/$3/$4 the ids,
/// dataset names and versions of the simulations it played. Temporary tables live until the fold's transaction ends.
/// Sums move by signed deltas: a folded run adds its values (+1), a run folded again first takes its old ones away (−1);
/// pairs and example counts move by the difference between the affected examples' per-example means before and after.
/// </summary>
internal static class FoldSql
{
    /// <summary>The columns of <c>run_values</c> besides the metric columns.</summary>
    public const string RunValues =
        "run_id, experiment_id, variant, cycle_type, simulation_id, example_id, played, kind, persona, project, answered, delivered_count, tokens_in, tokens_out";

    private static IReadOnlyList<string> Dimensions => Segments.Dimensions;

    /// <summary>The fold, statement group by statement group, in the order <see cref="RunFold"/> runs them.</summary>
    public static IReadOnlyList<string> All =>
        [Batch, Removed, Added, Examples, Means("fold_old"), Replace, Means("fold_new"), VariantDeltas, ValueDeltas, ExampleDeltas, PairDeltas];

    /// <summary>The queued runs of the experiment, runs folded before their simulation was known, and observations a MaaS run now supersedes.</summary>
    public static string Batch => $"""
        CREATE TEMP TABLE fold_batch (run_id uuid PRIMARY KEY) ON COMMIT DROP;
        WITH queued AS (DELETE FROM {FoldTables.Queue} WHERE experiment_id = $1 RETURNING run_id)
        INSERT INTO fold_batch SELECT DISTINCT run_id FROM queued;
        INSERT INTO fold_batch SELECT run_id FROM {FoldTables.RunValues}
            WHERE experiment_id = $1 AND NOT played AND simulation_id IS NOT NULL AND simulation_id = ANY($2) ON CONFLICT DO NOTHING;
        INSERT INTO fold_batch SELECT o.run_id FROM {TeacherTables.Observations} o JOIN fold_batch b ON o.maas_run_id = b.run_id ON CONFLICT DO NOTHING;
        ANALYZE fold_batch;
        """;

    /// <summary>Batch runs folded before: their old values are taken away.</summary>
    public static string Removed => $"""
        CREATE TEMP TABLE fold_removed ON COMMIT DROP AS
        SELECT v.* FROM {FoldTables.RunValues} v JOIN fold_batch b ON b.run_id = v.run_id
        """;

    /// <summary>Each batch run's values, computed once from the wide run and its golden example (<see cref="MetricSql"/>).</summary>
    public static string Added => $"""
        CREATE TEMP TABLE fold_added ON COMMIT DROP AS
        WITH played AS (SELECT * FROM unnest($2::text[], $3::text[], $4::int[]) AS p(simulation_id, dataset, version)),
        scoped AS (
            SELECT r.run_id, r.variant, r.cycle_type, r.simulation_id, r.example_id, p.simulation_id IS NOT NULL AS played,
                r.answer IS NOT NULL AS answered, r.abstained, r.error, r.tokens_in, r.tokens_out, r.latency_ms, r.observed_total_ms,
                coalesce(r.ranked_source_ids, r.retrieved_source_ids) AS ranked, r.retrieved_source_ids AS delivered,
                cardinality(r.retrieved_source_ids) AS delivered_count,
                g.example_id IS NOT NULL AS golden, g.evidence_source_ids AS evidence, g.answerable, g.kind, g.persona, g.project, ev.*
            FROM {TeacherTables.Runs} r
            JOIN fold_batch b ON b.run_id = r.run_id
            LEFT JOIN played p ON p.simulation_id = r.simulation_id
            LEFT JOIN {TeacherTables.GoldenExamples} g ON g.dataset = p.dataset AND g.version = p.version AND g.example_id = r.example_id
            CROSS JOIN LATERAL ({MetricSql.EvidenceRanks("g.evidence_source_ids", "coalesce(r.ranked_source_ids, r.retrieved_source_ids)", "r.retrieved_source_ids")}) ev
            WHERE r.experiment_id = $1 AND r.variant IS NOT NULL)
        SELECT s.run_id, $1::text AS experiment_id, s.variant, s.cycle_type, s.simulation_id, s.example_id, s.played, s.kind, s.persona, s.project,
            s.answered, s.delivered_count, s.tokens_in, s.tokens_out,
        {Columns((m, i) => MetricSql.For(m) is var (value, missing) ? $"({value})::float8 AS v{i}, ({missing}) AS m{i}" : "")}
        FROM scoped s
        """;

    /// <summary>The (simulation, example) pairs whose per-example means this fold changes.</summary>
    public static string Examples => """
        CREATE TEMP TABLE fold_examples ON COMMIT DROP AS
        SELECT DISTINCT simulation_id, example_id FROM (SELECT simulation_id, example_id FROM fold_added UNION ALL SELECT simulation_id, example_id FROM fold_removed) e
        WHERE simulation_id IS NOT NULL AND example_id IS NOT NULL;
        ANALYZE fold_examples;
        """;

    /// <summary>Per affected example and variant the mean of its runs (the run itself unless it was asked twice), as <paramref name="table"/>.</summary>
    public static string Means(string table) => $"""
        CREATE TEMP TABLE {table} ON COMMIT DROP AS
        SELECT v.variant, v.simulation_id, v.example_id, v.kind, v.persona, v.project,
        {Columns((_, i) => $"avg(v.v{i}) AS v{i}")}
        FROM {FoldTables.RunValues} v JOIN fold_examples e ON e.simulation_id = v.simulation_id AND e.example_id = v.example_id
        WHERE v.experiment_id = $1
        GROUP BY v.variant, v.simulation_id, v.example_id, v.kind, v.persona, v.project
        """;

    public static string Replace => $"""
        DELETE FROM {FoldTables.RunValues} v USING fold_removed r WHERE v.run_id = r.run_id;
        INSERT INTO {FoldTables.RunValues} ({RunValues}, {Columns((_, i) => $"v{i}, m{i}", ", ")}) SELECT {RunValues}, {Columns((_, i) => $"v{i}, m{i}", ", ")} FROM fold_added;
        """;

    private const string SignedRuns = "SELECT 1 AS sign, * FROM fold_added UNION ALL SELECT -1, * FROM fold_removed";

    public static string VariantDeltas => $"""
        INSERT INTO {FoldTables.VariantRuns} (experiment_id, variant, runs)
        SELECT $1, variant, sum(sign) FROM ({SignedRuns}) s GROUP BY variant
        ON CONFLICT (experiment_id, variant) DO UPDATE SET runs = {FoldTables.VariantRuns}.runs + excluded.runs;
        WITH grouped AS (
            SELECT variant, {Segment()} AS segment,
        {Columns((_, i) => $"sum(sign) FILTER (WHERE v{i} IS NOT NULL) AS n{i}, sum(sign * v{i}) AS s{i}, sum(sign * v{i} * v{i}) AS q{i}, sum(sign) FILTER (WHERE m{i}) AS x{i}")}
            FROM ({SignedRuns}) s GROUP BY {GroupingSets("variant")})
        INSERT INTO {FoldTables.VariantSums} (experiment_id, metric, variant, segment, n, total, squares, missing)
        SELECT $1, u.metric, u.variant, u.segment, coalesce(u.n, 0), coalesce(u.total, 0), coalesce(u.squares, 0), coalesce(u.missing, 0)
        FROM grouped CROSS JOIN LATERAL (VALUES
        {Columns((m, i) => $"('{m.Name}', variant, segment, n{i}, s{i}, q{i}, x{i})")}
            ) AS u(metric, variant, segment, n, total, squares, missing)
        WHERE u.segment IS NOT NULL
        ON CONFLICT (experiment_id, metric, variant, segment) DO UPDATE SET n = {FoldTables.VariantSums}.n + excluded.n,
            total = {FoldTables.VariantSums}.total + excluded.total, squares = {FoldTables.VariantSums}.squares + excluded.squares,
            missing = {FoldTables.VariantSums}.missing + excluded.missing;
        """;

    /// <summary>
    /// Counts of each skewed metric's values rounded to <see cref="SignificantDigits"/> significant digits per variant and segment, what percentiles
    /// read: each value is rounded once, counted per variant, kind, persona and project, then summed per segment.
    /// </summary>
    public static string ValueDeltas => $"""
        WITH rounded AS (
            SELECT s.sign, s.variant, s.kind, s.persona, s.project, u.metric,
                CASE WHEN u.value = 0 THEN 0::float8 WHEN d.digits >= 0 THEN round(u.value * 10::float8 ^ d.digits) / 10::float8 ^ d.digits
                    ELSE round(u.value / 10::float8 ^ -d.digits) * 10::float8 ^ -d.digits END AS value
            FROM ({SignedRuns}) s
            CROSS JOIN LATERAL (VALUES
        {Columns((m, i) => m.Outcome == MetricOutcome.Skewed ? $"('{m.Name}', s.v{i})" : "")}
                ) AS u(metric, value)
            CROSS JOIN LATERAL (SELECT CASE WHEN u.value <> 0 THEN {SignificantDigits - 1} - floor(log(abs(u.value)))::int END AS digits) d
            WHERE u.value IS NOT NULL),
        cells AS (SELECT variant, kind, persona, project, metric, value, sum(sign) AS n FROM rounded GROUP BY variant, kind, persona, project, metric, value)
        INSERT INTO {FoldTables.ValueCounts} (experiment_id, metric, variant, segment, value, n)
        SELECT $1, c.metric, c.variant, g.segment, c.value, sum(c.n)
        FROM cells c
        CROSS JOIN LATERAL (VALUES ('{Segments.All}'), {string.Join(", ", Dimensions.Select(d => $"('{d}:' || c.{d})"))}) AS g(segment)
        WHERE g.segment IS NOT NULL
        GROUP BY c.metric, c.variant, g.segment, c.value
        ON CONFLICT (experiment_id, metric, segment, variant, value) DO UPDATE SET n = {FoldTables.ValueCounts}.n + excluded.n;
        DELETE FROM {FoldTables.ValueCounts} WHERE experiment_id = $1 AND n = 0;
        """;

    private const string SignedMeans = "SELECT 1 AS sign, * FROM fold_new UNION ALL SELECT -1, * FROM fold_old";

    /// <summary>Examples with a value per variant, metric and segment: with the pairs, the unmatched counts.</summary>
    public static string ExampleDeltas => $"""
        WITH grouped AS (
            SELECT variant, {Segment()} AS segment,
        {Columns((_, i) => $"sum(sign) FILTER (WHERE v{i} IS NOT NULL) AS e{i}")}
            FROM ({SignedMeans}) s GROUP BY {GroupingSets("variant")})
        INSERT INTO {FoldTables.ExampleCounts} (experiment_id, metric, variant, segment, n)
        SELECT $1, u.metric, u.variant, u.segment, coalesce(u.n, 0)
        FROM grouped CROSS JOIN LATERAL (VALUES
        {Columns((m, i) => $"('{m.Name}', variant, segment, e{i})")}
            ) AS u(metric, variant, segment, n)
        WHERE u.segment IS NOT NULL
        ON CONFLICT (experiment_id, metric, variant, segment) DO UPDATE SET n = {FoldTables.ExampleCounts}.n + excluded.n;
        """;

    /// <summary>
    /// Sums over the examples two variants both have a value for, stored once per unordered pair (<c>low</c> &lt; <c>high</c>
    /// byte-wise), differences high − low; <see cref="FoldedAggregateSql.Paired"/> turns them to treatment − baseline.
    /// </summary>
    public static string PairDeltas => $"""
        WITH signed AS ({SignedMeans}),
        pairs AS (
            SELECT l.sign, l.variant AS low, h.variant AS high, l.kind, l.persona, l.project,
        {Columns((_, i) => $"CASE WHEN h.v{i} IS NOT NULL THEN l.v{i} END AS l{i}, CASE WHEN l.v{i} IS NOT NULL THEN h.v{i} END AS h{i}")}
            FROM signed l
            JOIN signed h ON h.sign = l.sign AND h.simulation_id = l.simulation_id AND h.example_id = l.example_id
                AND l.variant COLLATE "C" < h.variant COLLATE "C"),
        grouped AS (
            SELECT low, high, {Segment()} AS segment,
        {Columns((m, i) => $"sum(sign) FILTER (WHERE h{i} IS NOT NULL) AS n{i}, sum(sign * l{i}) AS sl{i}, sum(sign * l{i} * l{i}) AS ssl{i}, " +
            $"sum(sign * h{i}) AS sh{i}, sum(sign * h{i} * h{i}) AS ssh{i}, sum(sign * (h{i} - l{i})) AS sd{i}, sum(sign * (h{i} - l{i}) * (h{i} - l{i})) AS ssd{i}, " +
            $"sum(sign) FILTER (WHERE {Better(m)} * (h{i} - l{i}) > 0) AS hb{i}, sum(sign) FILTER (WHERE {Better(m)} * (h{i} - l{i}) < 0) AS hw{i}")}
            FROM pairs GROUP BY {GroupingSets("low, high")})
        INSERT INTO {FoldTables.PairSums} (experiment_id, metric, low, high, segment, n, s_low, ss_low, s_high, ss_high, sd, ssd, high_better, high_worse)
        SELECT $1, u.metric, u.low, u.high, u.segment, coalesce(u.n, 0), coalesce(u.sl, 0), coalesce(u.ssl, 0), coalesce(u.sh, 0), coalesce(u.ssh, 0),
            coalesce(u.sd, 0), coalesce(u.ssd, 0), coalesce(u.hb, 0), coalesce(u.hw, 0)
        FROM grouped CROSS JOIN LATERAL (VALUES
        {Columns((m, i) => $"('{m.Name}', low, high, segment, n{i}, sl{i}, ssl{i}, sh{i}, ssh{i}, sd{i}, ssd{i}, hb{i}, hw{i})")}
            ) AS u(metric, low, high, segment, n, sl, ssl, sh, ssh, sd, ssd, hb, hw)
        WHERE u.segment IS NOT NULL
        ON CONFLICT (experiment_id, metric, low, high, segment) DO UPDATE SET n = {FoldTables.PairSums}.n + excluded.n,
            s_low = {FoldTables.PairSums}.s_low + excluded.s_low, ss_low = {FoldTables.PairSums}.ss_low + excluded.ss_low,
            s_high = {FoldTables.PairSums}.s_high + excluded.s_high, ss_high = {FoldTables.PairSums}.ss_high + excluded.ss_high,
            sd = {FoldTables.PairSums}.sd + excluded.sd, ssd = {FoldTables.PairSums}.ssd + excluded.ssd,
            high_better = {FoldTables.PairSums}.high_better + excluded.high_better, high_worse = {FoldTables.PairSums}.high_worse + excluded.high_worse;
        """;

    /// <summary>Percentiles are taken over values rounded to this many significant digits (within 0.5 % of the value).</summary>
    public const int SignificantDigits = 3;

    /// <summary>
    /// <paramref name="value"/> rounded to <see cref="SignificantDigits"/> significant digits, exactly as
    /// <see cref="ValueDeltas"/> rounds it (an integer scaled by a power of ten), so the percentiles of many runs read a
    /// few thousand distinct values per variant and segment.
    /// </summary>
    public static string Significant(string value) =>
        $"CASE WHEN {value} = 0 THEN 0::float8 WHEN {SignificantDigits - 1} - floor(log(abs({value})))::int >= 0 " +
        $"THEN round({value} * 10::float8 ^ ({SignificantDigits - 1} - floor(log(abs({value})))::int)) / 10::float8 ^ ({SignificantDigits - 1} - floor(log(abs({value})))::int) " +
        $"ELSE round({value} / 10::float8 ^ -({SignificantDigits - 1} - floor(log(abs({value})))::int)) * 10::float8 ^ -({SignificantDigits - 1} - floor(log(abs({value})))::int) END";

    /// <summary>The segment a grouping-set row stands for: <c>all</c>, or the one dimension it is grouped by.</summary>
    private static string Segment() =>
        $"CASE {string.Concat(Dimensions.Select(d => $"WHEN GROUPING({d}) = 0 THEN '{d}:' || {d} "))}ELSE '{Segments.All}' END";

    private static string GroupingSets(string key) => $"GROUPING SETS (({key}){string.Concat(Dimensions.Select(d => $", ({key}, {d})"))})";

    private static int Better(MetricDefinition metric) => metric.Direction == MetricDirection.HigherIsBetter ? 1 : -1;

    /// <summary>One line per folded metric, given the metric and its column index; empty lines are left out.</summary>
    private static string Columns(Func<MetricDefinition, int, string> column, string separator = ",\n            ") =>
        string.Join(separator, FoldedMetrics.All.Select((m, i) => column(m, i)).Where(line => line.Length > 0));
}
