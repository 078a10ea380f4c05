using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Simulations;
using SelfLearn.Domain.Teacher.Metrics;
using Scenario = SelfLearn.Domain.Scenarios.Scenario;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>
/// A hand-made golden dataset and hand-made pipeline runs of it, so every metric's expected value can be worked out by
/// hand in the test. Scenario "alpha" (project atlas, persona ana) asks q1 (single-hop, evidence a1 a2, with follow-up
/// f1), q2 (temporal, evidence a3) and q3 (unanswerable); scenario "beta" (project orbit, persona bo) asks q1
/// (preference, evidence b1).
/// </summary>
public static class HandMadeRuns
{
    public const string Experiment = "exp-hand";
    public const string Simulation = "s-hand";
    public static readonly DateTimeOffset Start = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);

    public static ScenarioSet Dataset { get; } = new(ScenarioSet.CurrentFormat, "handmade", "hand-made for metric tests", null, "hand-written",
        [new Persona("ana", "Ana", "terse", "low", "high", null), new Persona("bo", "Bo", "chatty", "high", "low", null)],
        [
            new Scenario("alpha", "atlas", "ana", "Ana tells her assistant about her week.", [],
                [new ScenarioSession("s1", Start, [.. Enumerable.Range(1, 6).Select(i => Turn($"a{i}"))])],
                [
                    new GoldenQuestion("q1", QuestionKinds.SingleHop, Start.AddDays(20), "What did I say first?", [new FollowUp("f1", "And then?")],
                        new GoldenAnswer("a1 and a2", [], ["a1", "a2"], false)),
                    new GoldenQuestion("q2", QuestionKinds.Temporal, Start.AddDays(20), "When was that?", [], new GoldenAnswer("a3", [], ["a3"], false)),
                    new GoldenQuestion("q3", QuestionKinds.Unanswerable, Start.AddDays(20), "What is my cat called?", [],
                        new GoldenAnswer("No cat was mentioned.", [], [], true)),
                ]),
            new Scenario("beta", "orbit", "bo", "Bo talks about food.", [],
                [new ScenarioSession("s1", Start, [.. Enumerable.Range(1, 3).Select(i => Turn($"b{i}"))])],
                [new GoldenQuestion("q1", QuestionKinds.Preference, Start.AddDays(20), "What do I like?", [], new GoldenAnswer("b1", [], ["b1"], false))]),
        ]);

    private static ScenarioTurn Turn(string id) => new(id, "user", $"turn {id}", [], TurnActs.Reveal);

    /// <summary>Registers the dataset and records a simulation of it for the experiment's variants.</summary>
    public static async Task<DatasetRegistration> RecordSimulationAsync(this IAlbaHost host, string simulationId = Simulation, string experimentId = Experiment)
    {
        var store = host.Services.GetRequiredService<Marten.IDocumentStore>();
        var dataset = await RegisterDataset.RunAsync(store, Dataset, "test", "test", CancellationToken.None);
        await SimulationJournal.StartAsync(store, new SimulationStarted(simulationId, experimentId, "default",
            [new SimulatedVariant("a", 1), new SimulatedVariant("b", 1)], dataset.Name, dataset.Version, dataset.Sha256, null, 1, null, "test"),
            CancellationToken.None);
        return dataset;
    }

    /// <summary>An answered run; <paramref name="answer"/> null makes it a failed one.</summary>
    public static PipelineRun Run(
        string variant, string exampleId, string[] ranked, string[] delivered, bool abstained = false, double total = 5,
        double? generate = null, int tokensIn = 0, int tokensOut = 0, string? answer = "an answer", string? error = null,
        string experimentId = Experiment, string simulationId = Simulation)
    {
        var latency = new Dictionary<string, double> { ["total"] = total };
        if (generate is { } ms)
            latency["generate"] = ms;
        return new PipelineRun(Guid.CreateVersion7(), DateTimeOffset.UtcNow, "default", 1, experimentId, variant, "offline", simulationId, exampleId,
            $"{simulationId}.{exampleId.Split('/')[0]}.{variant}", "t-1", "a question", answer, abstained, [.. delivered.Select(_ => Guid.CreateVersion7())],
            delivered, [.. delivered.Select(_ => 0.5)], ranked, [.. delivered.Select(d => $"turn {d}")], tokensIn, tokensOut, latency, error);
    }

    public static async Task StoreAsync(this IAlbaHost host, params PipelineRun[] runs)
    {
        var writer = host.Services.GetRequiredService<TelemetryWriter>();
        foreach (var run in runs)
            writer.Enqueue(run);
        await writer.FlushAsync();
    }

    public static AggregateMetrics Metrics(this IAlbaHost host, double inputPerMillion = 0, double outputPerMillion = 0) =>
        ActivatorUtilities.CreateInstance<AggregateMetrics>(host.Services,
            Options.Create(new PriceOptions { InputPerMillion = inputPerMillion, OutputPerMillion = outputPerMillion }));

    public static MetricRequest Request(IReadOnlyList<string> metrics, IReadOnlyList<string>? segments = null, JudgeRef? judge = null) =>
        new(new MetricScope(Experiment), metrics, segments ?? [], judge);

    public static MetricAggregate Find(this IReadOnlyList<MetricAggregate> aggregates, string metric, string variant, string segment = Segments.All) =>
        Assert.Single(aggregates, a => a.Metric == metric && a.Variant == variant && a.Segment == segment);

    public static PairedAggregate Find(this IReadOnlyList<PairedAggregate> aggregates, string metric, string segment = Segments.All) =>
        Assert.Single(aggregates, a => a.Metric == metric && a.Segment == segment);

    public static async Task<long> Count(this IAlbaHost host, string table)
    {
        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
