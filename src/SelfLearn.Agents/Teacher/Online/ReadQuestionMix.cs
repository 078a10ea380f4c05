using Marten;
using Npgsql;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Domain.Datasets;
using SelfLearn.Domain.Teacher.Online;
using Microsoft.Extensions.Options;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// The question mix of live traffic (runs with cycle type <c>online</c>) on a deployment, window by window, against a
/// golden dataset version's. Computed on read from the runs of the range asked (indexed by deployment and time), which
/// is why the range is capped (<see cref="MaxWindows"/>).
/// </summary>
public sealed class ReadQuestionMix(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<OnlineOptions> options)
{
    public const int MaxWindows = 1_440;

    /// <summary>The mix, or the reason there is none (an unknown dataset or version).</summary>
    public async Task<(QuestionMix? Mix, string? Missing)> RunAsync(
        string deploymentId, string dataset, int? version, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var number = version ?? (await session.LoadAsync<GoldenDataset>(GoldenDataset.StreamKey(dataset), ct))?.Latest.Registered.Version;
        if (number is null)
            return (null, $"no dataset '{dataset}'.");
        var (set, error, _) = await LoadDataset.RunAsync(session, dataset, number.Value, ct);
        if (set is null)
            return (null, error);
        var golden = set.Scenarios.SelectMany(s => s.Questions.SelectMany(q => q.FollowUps.Select(f => f.Text).Prepend(q.Text))).ToList();
        return (QuestionMixes.Of(dataset, number.Value, golden, await LiveQuestionsAsync(deploymentId, from, to, ct)), null);
    }

    private async Task<IReadOnlyList<(DateTimeOffset, string)>> LiveQuestionsAsync(string deploymentId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT at, question FROM {TelemetrySchema.Schema}.pipeline_runs
            WHERE deployment_id = $1 AND cycle_type = 'online' AND at >= $2 AND at < $3
            """);
        command.Parameters.Add(new() { Value = deploymentId });
        command.Parameters.Add(new() { Value = from.UtcDateTime });
        command.Parameters.Add(new() { Value = to.UtcDateTime });
        var questions = new List<(DateTimeOffset, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            questions.Add((options.Value.WindowStart(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero)), reader.GetString(1)));
        return questions;
    }
}
