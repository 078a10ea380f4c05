using Marten;
using Npgsql;
using NpgsqlTypes;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Domain.Datasets;
using SelfLearn.Domain.Simulations;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics;

/// <summary>A dataset version a simulation played: the Teacher joins its runs to this version's golden examples.</summary>
public sealed record PlayedDataset(string SimulationId, string Dataset, int Version, string Sha256);

/// <summary>
/// Materialises a dataset version's golden examples in <c>selflearn.golden_examples</c>, lazily, the first time an
/// evaluation reads a simulation that played it (so databases that registered versions before this table existed need
/// nothing). A version's content never changes, so it is written once; rows written for other content under the same
/// name and version (a database whose events were reset) are replaced.
/// </summary>
public sealed class GoldenExampleTable(IDocumentStore store, NpgsqlDataSource dataSource, TeacherTables tables)
{
    /// <summary>The dataset version each simulation in scope played: what its runs' example ids refer to.</summary>
    public async Task<IReadOnlyList<PlayedDataset>> PlayedAsync(MetricScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var session = store.QuerySession();
        var simulations = await session.Query<Simulation>().Where(s => s.Plan.ExperimentId == scope.ExperimentId).ToListAsync(ct);
        return [.. simulations.Where(s => scope.SimulationId is null || s.Plan.SimulationId == scope.SimulationId)
            .Select(s => new PlayedDataset(s.Plan.SimulationId, s.Plan.DatasetName, s.Plan.DatasetVersion, s.Plan.DatasetSha256))];
    }

    public async Task EnsureAsync(PlayedDataset played, CancellationToken ct)
    {
        if (await MissingAsync(played, ct) is { } examples)
            await WriteAsync(played, examples, ct);
    }

    /// <summary>The version's examples when they still need writing (<see cref="WriteAsync"/>); null when they are in the table.</summary>
    public async Task<IReadOnlyList<GoldenExample>?> MissingAsync(PlayedDataset played, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(played);
        await tables.EnsureAsync(ct);
        await using (var check = dataSource.CreateCommand($"SELECT sha256 FROM {TeacherTables.GoldenDatasets} WHERE dataset = $1 AND version = $2"))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = played.Dataset });
            check.Parameters.Add(new NpgsqlParameter { Value = played.Version });
            if (await check.ExecuteScalarAsync(ct) as string == played.Sha256)
                return null;
        }
        return await ExamplesAsync(played, ct);
    }

    private async Task<IReadOnlyList<GoldenExample>> ExamplesAsync(PlayedDataset played, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var (set, error, sha256) = await LoadDataset.RunAsync(session, played.Dataset, played.Version, ct);
        if (set is null)
            throw new InvalidOperationException($"simulation '{played.SimulationId}' played {error}");
        return sha256 == played.Sha256
            ? [.. GoldenExample.Of(set)]
            : throw new InvalidOperationException(
                $"dataset '{played.Dataset}' version {played.Version} is not what simulation '{played.SimulationId}' played: its hash differs.");
    }

    /// <summary>One transaction, locked per version, so readers never see half of it; what was there for the version is replaced.</summary>
    public async Task WriteAsync(PlayedDataset played, IReadOnlyList<GoldenExample> examples, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var replace = new NpgsqlBatch(connection, transaction))
        {
            replace.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock(hashtext('selflearn.golden:' || $1 || '@' || $2::text))", played));
            replace.BatchCommands.Add(Command($"DELETE FROM {TeacherTables.GoldenExamples} WHERE dataset = $1 AND version = $2", played));
            replace.BatchCommands.Add(Command($"DELETE FROM {TeacherTables.GoldenDatasets} WHERE dataset = $1 AND version = $2", played));
            var insert = Command($"INSERT INTO {TeacherTables.GoldenDatasets} (dataset, version, sha256, examples) VALUES ($1, $2, $3, $4)", played);
            insert.Parameters.Add(new NpgsqlParameter { Value = played.Sha256 });
            insert.Parameters.Add(new NpgsqlParameter { Value = examples.Count });
            replace.BatchCommands.Add(insert);
            await replace.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"""
            COPY {TeacherTables.GoldenExamples} (dataset, version, example_id, scenario_id, question_id, follow_up_id, kind, persona, project,
                evidence_source_ids, golden_answer, answerable) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var example in examples)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(played.Dataset, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(played.Version, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(example.ExampleId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(example.ScenarioId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(example.QuestionId, NpgsqlDbType.Text, ct);
                if (example.FollowUpId is null) await copy.WriteNullAsync(ct);
                else await copy.WriteAsync(example.FollowUpId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(example.Kind, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(example.Persona, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(example.Project, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(example.EvidenceSourceIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(example.GoldenAnswer, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(example.Answerable, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, PlayedDataset played) =>
        new(sql) { Parameters = { new NpgsqlParameter { Value = played.Dataset }, new NpgsqlParameter { Value = played.Version } } };
}
