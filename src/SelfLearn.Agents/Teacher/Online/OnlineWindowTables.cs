namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// Live traffic folded into fixed windows (docs/ONLINE.md): one row per deployment × config version × experiment ×
/// variant × window start × metric with the count, sum and sum of squares of the per-run values. Experiment and
/// variant are empty strings for runs outside any experiment, so they can be part of the key.
/// Created with <see cref="Metrics.TeacherTables"/>, together with the triggers that fill it (<see cref="OnlineFold"/>).
/// </summary>
public static class OnlineWindowTables
{
    public const string Windows = $"{Metrics.TeacherTables.Schema}.online_windows";

    internal static string Sql => $"""
        CREATE TABLE IF NOT EXISTS {Windows} (
            deployment_id text NOT NULL,
            config_version int NOT NULL,
            experiment_id text NOT NULL,
            variant text NOT NULL,
            window_start timestamptz NOT NULL,
            metric text NOT NULL,
            n bigint NOT NULL,
            total double precision NOT NULL,
            squares double precision NOT NULL,
            PRIMARY KEY (deployment_id, window_start, config_version, experiment_id, variant, metric));
        {OnlineFold.Sql}
        """;

    /// <summary>Every table holding folded live traffic: emptied together with the runs (tests reset the database this way).</summary>
    public const string Folded = $"{Windows}, {OnlineFold.Sample}";
}
