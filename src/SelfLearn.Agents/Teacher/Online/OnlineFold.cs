using Npgsql;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// How live runs reach <see cref="OnlineWindowTables.Windows"/> (docs/ONLINE.md). Statement triggers with a transition
/// table fold each INSERT (or COPY) of runs and of feedback in the writer's own transaction, so a run is folded once,
/// when it is written, and stored runs are never read again. A trigger cannot read the app's options, so the window
/// length and the judge's sample live in the one-row <see cref="Settings"/> table, written from
/// <see cref="OnlineOptions"/> whenever a process creates the Teacher's tables (at start, by <see cref="OnlineTablesOnStart"/>). Sampled answered runs wait in <see cref="Sample"/> until the judge grades them
/// (<see cref="JudgeOnlineSample"/>); the row then records which judge folded the run, so a run's scores are folded once.
/// </summary>
public static class OnlineFold
{
    public const string Settings = $"{TeacherTables.Schema}.online_settings";
    public const string Sample = $"{TeacherTables.Schema}.online_judge_sample";
    private const string Runs = $"{TelemetrySchema.Schema}.pipeline_runs";

    /// <summary>
    /// The key columns of a run <c>r</c> under the settings <c>o</c>: experiment and variant '' outside an experiment,
    /// config version 0 for a run that failed before it had one, and the epoch-aligned start of the window holding it.
    /// </summary>
    private const string Key = """
        r.run_id, r.deployment_id, coalesce(r.config_version, 0) AS config_version, coalesce(r.experiment_id, '') AS experiment_id,
        coalesce(r.variant, '') AS variant, to_timestamp(floor(extract(epoch FROM r.at) / o.window_seconds) * o.window_seconds) AS window_start
        """;

    private const string OnlineRun = $"r.cycle_type = '{CycleTypes.Online}'";

    /// <summary>Adds the count, sum and sum of squares of each metric's non-null per-run values, grouped by window row, in key order so concurrent writers lock rows in one order.</summary>
    private static string Fold(string rows, IEnumerable<MetricDefinition> metrics) => $"""
        INSERT INTO {OnlineWindowTables.Windows} AS w (deployment_id, config_version, experiment_id, variant, window_start, metric, n, total, squares)
        SELECT s.deployment_id, s.config_version, s.experiment_id, s.variant, s.window_start, m.metric, count(*), sum(m.value), sum(m.value * m.value)
        FROM ({rows}) s
        CROSS JOIN LATERAL (VALUES {string.Join(",\n            ", metrics.Select(m => $"('{m.Name}', ({MetricSql.For(m).Value})::float8)"))}) AS m(metric, value)
        WHERE m.value IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6
        ORDER BY 1, 5, 2, 3, 4, 6
        ON CONFLICT (deployment_id, window_start, config_version, experiment_id, variant, metric)
        DO UPDATE SET n = w.n + excluded.n, total = w.total + excluded.total, squares = w.squares + excluded.squares
        """;

    /// <summary>
    /// Folds the judge's stored scores of the given sampled runs ($3) by judge $1, version $2, marking each run judged in
    /// the same statement; a run already marked is skipped, so a second pass adds nothing. Returns how many runs it folded.
    /// </summary>
    public static string FoldJudged => $"""
        WITH fresh AS (
            UPDATE {Sample} q SET judge = $1, judge_version = $2, judged_at = now()
            FROM {TeacherTables.JudgeScores} j
            WHERE q.run_id = ANY($3) AND q.judged_at IS NULL AND j.run_id = q.run_id AND j.judge = $1 AND j.judge_version = $2
            RETURNING q.run_id, j.claims, j.supported_claims, j.used_context_items),
        folded AS (
            {Fold($"""
                SELECT {Key}, r.answer IS NOT NULL AS answered, true AS judged, f.claims, f.supported_claims, f.used_context_items,
                    cardinality(r.retrieved_source_ids) AS delivered_count
                FROM fresh f JOIN {Runs} r ON r.run_id = f.run_id CROSS JOIN {Settings} o
                """, OnlineMetrics.OfJudge)}
            RETURNING 1)
        SELECT count(*) FROM fresh
        """;

    /// <summary>The run fold over a table of runs <c>arrived</c>: window figures of every live run, and the sample the judge will grade.</summary>
    private static string FoldRuns(string arrived) => $"""
        {Fold($"""
            SELECT {Key}, r.answer IS NOT NULL AS answered, r.abstained, r.error, r.tokens_in, r.tokens_out, r.latency_ms
            FROM {arrived} r CROSS JOIN {Settings} o WHERE {OnlineRun}
            """, OnlineMetrics.OfRun)};
        INSERT INTO {Sample} (run_id)
        SELECT r.run_id FROM {arrived} r CROSS JOIN {Settings} o
        WHERE {OnlineRun} AND r.answer IS NOT NULL AND {TeacherTables.Schema}.online_judge_sampled(r.run_id, o.judge_seed, o.judge_sample_rate)
        ON CONFLICT (run_id) DO NOTHING
        """;

    /// <summary>The feedback fold over a table of feedback <c>arrived</c>: into the rated run's window, version and variant.</summary>
    private static string FoldFeedback(string arrived) =>
        Fold($"SELECT {Key} FROM {arrived} f JOIN {Runs} r ON r.run_id = f.run_id CROSS JOIN {Settings} o WHERE {OnlineRun}", OnlineMetrics.OfFeedback);

    internal static string Sql => $"""
        CREATE TABLE IF NOT EXISTS {Settings} (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            window_seconds int NOT NULL CHECK (window_seconds > 0),
            judge_sample_rate double precision NOT NULL CHECK (judge_sample_rate BETWEEN 0 AND 1),
            judge_seed text NOT NULL);
        CREATE TABLE IF NOT EXISTS {Sample} (run_id uuid PRIMARY KEY, judge text, judge_version text, judged_at timestamptz);
        CREATE INDEX IF NOT EXISTS online_judge_sample_waiting ON {Sample} (run_id) WHERE judged_at IS NULL;
        CREATE OR REPLACE FUNCTION {TeacherTables.Schema}.online_judge_sampled(run uuid, seed text, rate double precision) RETURNS boolean
            LANGUAGE sql STABLE AS $sampled$
            SELECT (CASE WHEN h < 0 THEN h + 18446744073709551616 ELSE h END) < rate::numeric * 18446744073709551616
            FROM (SELECT ('x' || encode(substring(sha256(convert_to(seed || run::text, 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint::numeric AS h) hashed
            $sampled$;
        CREATE OR REPLACE FUNCTION {TeacherTables.Schema}.online_fold_runs() RETURNS trigger LANGUAGE plpgsql AS $online$
            BEGIN {FoldRuns("arrived")}; RETURN NULL; END $online$;
        CREATE OR REPLACE TRIGGER pipeline_runs_online AFTER INSERT ON {Runs}
            REFERENCING NEW TABLE AS arrived FOR EACH STATEMENT EXECUTE FUNCTION {TeacherTables.Schema}.online_fold_runs();
        CREATE OR REPLACE FUNCTION {TeacherTables.Schema}.online_fold_feedback() RETURNS trigger LANGUAGE plpgsql AS $online$
            BEGIN {FoldFeedback("arrived")}; RETURN NULL; END $online$;
        CREATE OR REPLACE TRIGGER run_feedback_online AFTER INSERT ON {TelemetrySchema.Schema}.run_feedback
            REFERENCING NEW TABLE AS arrived FOR EACH STATEMENT EXECUTE FUNCTION {TeacherTables.Schema}.online_fold_feedback();
        """;

    /// <summary>
    /// Runs inside <see cref="TeacherTables"/>' locked creation transaction, after <see cref="Sql"/>: writes the options
    /// to <see cref="Settings"/>, and the first time (no settings row yet) folds the live runs and feedback stored before
    /// the triggers existed. The triggers were created earlier in this transaction, whose lock on the runs table holds
    /// back concurrent writers until it commits, so every run is folded once: by this catch-up or by a trigger.
    /// </summary>
    internal static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OnlineOptions options, CancellationToken ct)
    {
        bool first;
        await using (var write = new NpgsqlCommand($"""
            INSERT INTO {Settings} (window_seconds, judge_sample_rate, judge_seed) VALUES ($1, $2, $3)
            ON CONFLICT (singleton) DO UPDATE SET window_seconds = excluded.window_seconds, judge_sample_rate = excluded.judge_sample_rate,
                judge_seed = excluded.judge_seed
            RETURNING xmax = 0
            """, connection, transaction))
        {
            write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = options.WindowSeconds });
            write.Parameters.Add(new NpgsqlParameter<double> { TypedValue = options.JudgeSampleRate });
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.JudgeSeed });
            first = await write.ExecuteScalarAsync(ct) is true;
        }
        if (!first)
            return;
        await using var catchUp = new NpgsqlCommand($"{FoldRuns(Runs)}; {FoldFeedback($"{TelemetrySchema.Schema}.run_feedback")}", connection, transaction);
        await catchUp.ExecuteNonQueryAsync(ct);
    }
}
