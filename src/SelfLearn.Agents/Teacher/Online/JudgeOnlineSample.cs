using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// Grades the sampled live runs the judge has not folded yet, page by page, with the configured judge: live runs have
/// no golden answer, so the judge sees the question, the answer and the delivered context (answerable, no golden
/// answer). Scores are stored in <c>selflearn.judge_scores</c> (a run keeps its first score), then folded into the run's
/// window by <see cref="OnlineFold.FoldJudged"/>, which marks the run so a second pass, or another process, adds nothing.
/// </summary>
public sealed class JudgeOnlineSample(NpgsqlDataSource dataSource, TeacherTables tables, JudgeScoreStore scores, IAnswerJudge judge)
{
    private const int Page = 100;

    /// <returns>How many runs this pass folded.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await tables.EnsureAsync(ct);
        var folded = 0;
        var after = Guid.Empty;
        while (await NextAsync(after, ct) is { Count: > 0 } page)
        {
            var batch = new List<RunJudgeScore>(page.Count);
            foreach (var (runId, input) in page)
                batch.Add(new RunJudgeScore(runId, await judge.JudgeAsync(input, ct)));
            await scores.WriteAsync(batch, ct);
            folded += await FoldAsync([.. page.Select(p => p.RunId)], ct);
            after = page[^1].RunId;
        }
        return folded;
    }

    private async Task<IReadOnlyList<(Guid RunId, JudgeInput Input)>> NextAsync(Guid after, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT q.run_id, r.question, r.answer, r.abstained, coalesce(r.retrieved_texts, ARRAY[]::text[])
            FROM {OnlineFold.Sample} q JOIN {TelemetrySchema.Schema}.pipeline_runs r ON r.run_id = q.run_id
            WHERE q.judged_at IS NULL AND q.run_id > $1 AND r.answer IS NOT NULL
            ORDER BY q.run_id
            LIMIT {Page}
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = after });
        var runs = new List<(Guid, JudgeInput)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            runs.Add((reader.GetGuid(0), new JudgeInput(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3),
                reader.GetFieldValue<string[]>(4), GoldenAnswer: null, Answerable: true)));
        return runs;
    }

    private async Task<int> FoldAsync(Guid[] runIds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(OnlineFold.FoldJudged);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = judge.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = judge.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = runIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }
}
