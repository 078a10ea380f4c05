using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>A judge's score of one run (a row of <c>selflearn.runs</c>).</summary>
public sealed record RunJudgeScore(Guid RunId, JudgeScore Score);

/// <summary>
/// <c>selflearn.judge_scores</c>: one row per run, judge and judge version. A run keeps the first score a judge version
/// gave it (rewriting is a no-op), so a verdict computed from stored scores can be recomputed from the same scores.
/// </summary>
public sealed class JudgeScoreStore(NpgsqlDataSource dataSource, TeacherTables tables)
{
    private const string Columns = "run_id, judge, judge_version, label, correct, hallucinated, claims, supported_claims, used_context_items";

    /// <summary>Stores the scores in one transaction; returns how many were new.</summary>
    public async Task<int> WriteAsync(IReadOnlyCollection<RunJudgeScore> scores, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
            return 0;
        await tables.EnsureAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE judge_scores_incoming ON COMMIT DROP AS SELECT {Columns} FROM {TeacherTables.JudgeScores} WITH NO DATA", connection, transaction))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY judge_scores_incoming ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (runId, score) in scores)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(runId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(score.Judge, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(score.JudgeVersion, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(LabelName(score.Label), NpgsqlDbType.Text, ct);
                if (score.Correct is { } correct) await copy.WriteAsync(correct, NpgsqlDbType.Boolean, ct);
                else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(score.Hallucinated, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(score.Claims, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(score.SupportedClaims, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(score.UsedContextItems.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }
        int written;
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {TeacherTables.JudgeScores} ({Columns}) SELECT {Columns} FROM judge_scores_incoming ON CONFLICT (run_id, judge, judge_version) DO NOTHING",
            connection, transaction))
            written = await insert.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>The given judge version's scores of these runs; a run it has not scored is absent.</summary>
    public async Task<IReadOnlyDictionary<Guid, JudgeScore>> ReadAsync(IReadOnlyCollection<Guid> runIds, JudgeRef judge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        ArgumentNullException.ThrowIfNull(judge);
        await tables.EnsureAsync(ct);
        await using var command = dataSource.CreateCommand($"""
            SELECT run_id, label, correct, hallucinated, claims, supported_claims, used_context_items
            FROM {TeacherTables.JudgeScores} WHERE run_id = ANY($1) AND judge = $2 AND judge_version = $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = runIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = judge.Judge });
        command.Parameters.Add(new NpgsqlParameter { Value = judge.Version });
        var scores = new Dictionary<Guid, JudgeScore>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            scores[reader.GetGuid(0)] = new JudgeScore(judge.Judge, judge.Version, Label(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetBoolean(2),
                reader.GetBoolean(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetFieldValue<int[]>(6));
        return scores;
    }

    /// <summary>Labels are stored by their JSON names (<c>supported</c>, <c>unsupported</c>, <c>abstained</c>).</summary>
    private static string LabelName(JudgeLabel label) => JsonSerializer.Serialize(label).Trim('"');

    private static JudgeLabel Label(string name) => JsonSerializer.Deserialize<JudgeLabel>($"\"{name}\"");
}
