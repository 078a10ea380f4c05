using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>A run a judge has not scored yet, with what the judge sees of it.</summary>
public sealed record RunToJudge(Guid RunId, JudgeInput Input);

/// <summary>
/// The answered runs in scope that a judge version has not scored, with their delivered texts (kept with the run, since
/// the simulation forgets its users) and their golden answer. Runs without a golden example are judged without one
/// (answerable). Scored runs drop out, so calling again after storing the scores reads the next page.
/// </summary>
public sealed class RunsToJudge(NpgsqlDataSource dataSource, GoldenExampleTable golden)
{
    public async Task<IReadOnlyList<RunToJudge>> NextAsync(MetricScope scope, JudgeRef judge, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var played = await golden.PlayedAsync(scope, ct);
        foreach (var version in played.DistinctBy(p => (p.Dataset, p.Version, p.Sha256)))
            await golden.EnsureAsync(version, ct);

        await using var command = dataSource.CreateCommand($"""
            WITH played AS (SELECT * FROM unnest($4::text[], $5::text[], $6::int[]) AS p(simulation_id, dataset, version))
            SELECT r.run_id, r.question, r.answer, r.abstained, coalesce(r.retrieved_texts, ARRAY[]::text[]), g.golden_answer, coalesce(g.answerable, true)
            FROM {TeacherTables.Runs} r
            LEFT JOIN played p ON p.simulation_id = r.simulation_id
            LEFT JOIN {TeacherTables.GoldenExamples} g ON g.dataset = p.dataset AND g.version = p.version AND g.example_id = r.example_id
            WHERE r.experiment_id = $1 AND ($2::text IS NULL OR r.simulation_id = $2) AND ($3::text IS NULL OR r.cycle_type = $3) AND r.answer IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM {TeacherTables.JudgeScores} j WHERE j.run_id = r.run_id AND j.judge = $7 AND j.judge_version = $8)
            ORDER BY r.run_id
            LIMIT $9
            """);
        command.Parameters.Add(Text(scope.ExperimentId));
        command.Parameters.Add(Text(scope.SimulationId));
        command.Parameters.Add(Text(scope.CycleType));
        command.Parameters.Add(new NpgsqlParameter { Value = played.Select(p => p.SimulationId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = played.Select(p => p.Dataset).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = played.Select(p => p.Version).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(Text(judge.Judge));
        command.Parameters.Add(Text(judge.Version));
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        var runs = new List<RunToJudge>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            runs.Add(new RunToJudge(reader.GetGuid(0), new JudgeInput(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6))));
        return runs;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
