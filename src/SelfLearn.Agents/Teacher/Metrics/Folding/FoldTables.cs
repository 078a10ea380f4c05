using System.Globalization;
using Npgsql;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics.Folding;

/// <summary>
/// The folded form of the runs (docs/METRICS.md, "How aggregates are computed"): a queue of runs not yet folded, filled
/// by triggers in the transaction that writes (or deletes) the run, so a run is never missed and folding waits for its
/// commit; a deleted Student run queues the emulator's observation of it, which the <c>runs</c> view shows from then on; one narrow row per folded run (<c>run_values</c>); and running
/// sums per experiment, variant, segment and metric, per pair of variants, plus counts of rounded values of the skewed
/// metrics for their percentiles. Created with <see cref="TeacherTables"/>; dropped, recreated and refilled from the
/// runs when <see cref="FoldedMetrics.Version"/> changes.
/// </summary>
public static class FoldTables
{
    public const string Schema = TeacherTables.Schema;
    public const string Queue = $"{Schema}.fold_queue";
    public const string RunValues = $"{Schema}.run_values";
    public const string VariantRuns = $"{Schema}.fold_variant_runs";
    public const string VariantSums = $"{Schema}.fold_variant_sums";
    public const string ValueCounts = $"{Schema}.fold_value_counts";
    public const string ExampleCounts = $"{Schema}.fold_example_counts";
    public const string PairSums = $"{Schema}.fold_pair_sums";
    private const string Versions = $"{Schema}.fold_version";

    /// <summary>Every table that holds folded runs: emptied together with the runs (tests reset the database this way).</summary>
    public const string Folded = $"{Queue}, {RunValues}, {VariantRuns}, {VariantSums}, {ValueCounts}, {ExampleCounts}, {PairSums}";

    /// <summary>
    /// The <see cref="RunValues"/> column holding a folded metric's per-run value (e.g. the total latency of every run,
    /// for a bootstrap over the runs), or null when the metric is not folded (judge-based metrics, <c>cost.usd</c>).
    /// </summary>
    public static string? RunValueColumn(string metric) =>
        MetricRegistry.TryGet(metric, out var definition) && FoldedMetrics.IndexOf(definition) is { } i
            ? string.Create(CultureInfo.InvariantCulture, $"v{i}")
            : null;

    /// <summary>Runs the Teacher reads: those with an experiment and a variant (<c>selflearn.runs</c>).</summary>
    private static string Enqueue(string from) =>
        $"INSERT INTO {Queue} (run_id, experiment_id) SELECT run_id, experiment_id FROM {from} WHERE experiment_id IS NOT NULL AND variant IS NOT NULL";

    internal static string Sql => $"""
        CREATE TABLE IF NOT EXISTS {Versions} (version text NOT NULL);
        CREATE TABLE IF NOT EXISTS {Queue} (run_id uuid NOT NULL, experiment_id text NOT NULL);
        CREATE INDEX IF NOT EXISTS fold_queue_experiment ON {Queue} (experiment_id);
        CREATE OR REPLACE FUNCTION {Schema}.fold_enqueue() RETURNS trigger LANGUAGE plpgsql AS $fold$
            BEGIN {Enqueue("arrived")}; RETURN NULL; END $fold$;
        CREATE OR REPLACE TRIGGER pipeline_runs_fold AFTER INSERT ON {Schema}.pipeline_runs
            REFERENCING NEW TABLE AS arrived FOR EACH STATEMENT EXECUTE FUNCTION {Schema}.fold_enqueue();
        CREATE OR REPLACE TRIGGER maas_observations_fold AFTER INSERT ON {TeacherTables.Observations}
            REFERENCING NEW TABLE AS arrived FOR EACH STATEMENT EXECUTE FUNCTION {Schema}.fold_enqueue();
        CREATE OR REPLACE FUNCTION {Schema}.fold_requeue() RETURNS trigger LANGUAGE plpgsql AS $fold$
            BEGIN
                {Enqueue("gone")};
                {Enqueue($"(SELECT o.* FROM {TeacherTables.Observations} o JOIN gone g ON o.maas_run_id = g.run_id) AS superseded")};
                RETURN NULL;
            END $fold$;
        CREATE OR REPLACE TRIGGER pipeline_runs_unfold AFTER DELETE ON {Schema}.pipeline_runs
            REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION {Schema}.fold_requeue();
        CREATE OR REPLACE TRIGGER maas_observations_unfold AFTER DELETE ON {TeacherTables.Observations}
            REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION {Schema}.fold_requeue();
        """;

    /// <summary>Drops what was folded under another version and queues every run again, under the caller's lock.</summary>
    internal static string ResetSql => $"""
        DROP TABLE IF EXISTS {RunValues}, {VariantRuns}, {VariantSums}, {ValueCounts}, {ExampleCounts}, {PairSums};
        CREATE TABLE {RunValues} (
            run_id uuid PRIMARY KEY,
            experiment_id text NOT NULL,
            variant text NOT NULL,
            cycle_type text NOT NULL,
            simulation_id text,
            example_id text,
            played boolean NOT NULL,
            kind text,
            persona text,
            project text,
            answered boolean NOT NULL,
            delivered_count int NOT NULL,
            tokens_in int NOT NULL,
            tokens_out int NOT NULL,
        {string.Join(",\n", FoldedMetrics.All.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"    v{i} double precision, m{i} boolean NOT NULL")))});
        CREATE INDEX run_values_example ON {RunValues} (experiment_id, simulation_id, example_id);
        CREATE INDEX run_values_unplayed ON {RunValues} (experiment_id) WHERE NOT played AND simulation_id IS NOT NULL;
        CREATE TABLE {VariantRuns} (experiment_id text NOT NULL, variant text NOT NULL, runs bigint NOT NULL, PRIMARY KEY (experiment_id, variant));
        CREATE TABLE {VariantSums} (
            experiment_id text NOT NULL, metric text NOT NULL, variant text NOT NULL, segment text NOT NULL,
            n bigint NOT NULL, total double precision NOT NULL, squares double precision NOT NULL, missing bigint NOT NULL,
            PRIMARY KEY (experiment_id, metric, variant, segment));
        CREATE TABLE {ValueCounts} (
            experiment_id text NOT NULL, metric text NOT NULL, variant text NOT NULL, segment text NOT NULL, value double precision NOT NULL, n bigint NOT NULL,
            PRIMARY KEY (experiment_id, metric, segment, variant, value));
        CREATE TABLE {ExampleCounts} (
            experiment_id text NOT NULL, metric text NOT NULL, variant text NOT NULL, segment text NOT NULL, n bigint NOT NULL,
            PRIMARY KEY (experiment_id, metric, variant, segment));
        CREATE TABLE {PairSums} (
            experiment_id text NOT NULL, metric text NOT NULL, low text NOT NULL, high text NOT NULL, segment text NOT NULL, n bigint NOT NULL,
            s_low double precision NOT NULL, ss_low double precision NOT NULL, s_high double precision NOT NULL, ss_high double precision NOT NULL,
            sd double precision NOT NULL, ssd double precision NOT NULL, high_better bigint NOT NULL, high_worse bigint NOT NULL,
            PRIMARY KEY (experiment_id, metric, low, high, segment));
        TRUNCATE {Queue};
        {Enqueue(TeacherTables.Runs)};
        DELETE FROM {Versions};
        INSERT INTO {Versions} VALUES ('{FoldedMetrics.Version}');
        """;

    /// <summary>Runs inside <see cref="TeacherTables"/>' locked creation transaction.</summary>
    internal static async Task EnsureVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using (var check = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Versions} WHERE version = $1)", connection, transaction))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = FoldedMetrics.Version });
            if (await check.ExecuteScalarAsync(ct) is true)
                return;
        }
        await using var reset = new NpgsqlCommand(ResetSql, connection, transaction);
        await reset.ExecuteNonQueryAsync(ct);
    }
}
