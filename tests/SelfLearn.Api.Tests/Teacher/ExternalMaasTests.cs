using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Simulations;
using SelfLearn.Api.Tests.Experiments;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>
/// An app configured for an external MaaS (<c>Maas:BaseUrl</c>) whose emulator is pointed at its own Student, so one
/// simulation leaves both records of every query: the Student's pipeline run and the emulator's observation.
/// </summary>
public sealed class ExternalMaasApp() : IsolatedApp(new Dictionary<string, string>
{
    ["Maas:BaseUrl"] = "http://external-maas.invalid/",
    ["Teacher:Prices:InputPerMillion"] = "3",
    ["Teacher:Prices:OutputPerMillion"] = "15",
});

public sealed class ExternalMaasTests(ExternalMaasApp app) : IClassFixture<ExternalMaasApp>
{
    private async Task<T> Scalar<T>(string sql, string simulationId)
    {
        await using var command = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = simulationId });
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task What_the_emulator_observed_gives_the_same_aggregates_as_the_students_own_runs_and_nothing_is_counted_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = app.Host.Services;
        var (maas, _) = RecordingMaas.Over(app.Host);
        Assert.Equal(0, await new SimulateCommand(services, maas).RunAsync(
            new CommandArguments(["--count", "3", "--seed", "9", "--set", "b:retrieval.top_k=2", "--concurrency", "2"]), ct));
        await services.GetRequiredService<TelemetryWriter>().FlushAsync(ct);
        string simulationId;
        await using (var find = services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"SELECT min(simulation_id) FROM {TeacherTables.Observations}"))
            simulationId = (string)(await find.ExecuteScalarAsync(ct))!;

        var stored = await Scalar<long>("SELECT count(*) FROM selflearn.pipeline_runs WHERE simulation_id = $1", simulationId);
        Assert.True(stored > 10, $"only {stored} runs");
        Assert.Equal(stored, await Scalar<long>($"SELECT count(*) FROM {TeacherTables.Observations} WHERE simulation_id = $1", simulationId));
        Assert.Equal(stored, await Scalar<long>($"""
            SELECT count(*) FROM {TeacherTables.Observations} o JOIN selflearn.pipeline_runs p ON p.run_id = o.maas_run_id WHERE o.simulation_id = $1
            """, simulationId));
        Assert.Equal(stored, await Scalar<long>($"SELECT count(*) FROM {TeacherTables.Runs} WHERE simulation_id = $1", simulationId));

        string[] metrics = [.. MetricRegistry.All.Where(m => m.Needs != MetricNeeds.Judge).Select(m => m.Name)];
        var request = new MetricRequest(new MetricScope($"sim-{simulationId}"), metrics, [.. QuestionKinds.All.Select(k => $"kind:{k}")]);
        var aggregates = services.GetRequiredService<AggregateMetrics>();
        var fromStudent = await aggregates.PerVariantAsync(request, ct);
        var pairedFromStudent = await aggregates.PairedAsync(request, "a", ct);

        await Scalar<object>("DELETE FROM selflearn.pipeline_runs WHERE simulation_id = $1 RETURNING NULL", simulationId);
        Assert.Equal(stored, await Scalar<long>($"SELECT count(*) FROM {TeacherTables.Runs} WHERE simulation_id = $1 AND recorded_by = 'emulator'", simulationId));
        var observed = await aggregates.PerVariantAsync(request, ct);
        var pairedObserved = await aggregates.PairedAsync(request, "a", ct);

        Assert.Equal(fromStudent.Count, observed.Count);
        foreach (var (student, seen) in fromStudent.Zip(observed))
        {
            Assert.Equal((student.Metric, student.Variant, student.Segment), (seen.Metric, seen.Variant, seen.Segment));
            if (student.Metric == "latency.observed_total_ms")
            {
                // Only the emulator measures the round trip: one time per answered run.
                Assert.Equal(0, student.Count);
                Assert.Equal(observed.Find("tokens.in", seen.Variant, seen.Segment).Count, seen.Count);
                continue;
            }
            Assert.Equal((student.Count, student.Missing), (seen.Count, seen.Missing));
            Assert.Equal(student.Sum, seen.Sum, 9);
            Assert.Equal(student.SumOfSquares, seen.SumOfSquares, 9);
            Assert.Equal(student.P50 ?? double.NaN, seen.P50 ?? double.NaN, 9);
            Assert.Equal(student.P95 ?? double.NaN, seen.P95 ?? double.NaN, 9);
        }
        Assert.Contains(fromStudent, a => a.Metric == "retrieval.recall@5" && a.Count > 0 && a.Sum > 0);
        Assert.Equal(pairedFromStudent.Where(p => p.Metric != "latency.observed_total_ms").Select(Rounded),
            pairedObserved.Where(p => p.Metric != "latency.observed_total_ms").Select(Rounded));

        var tokens = await Scalar<double>($"SELECT (sum(tokens_in * 3 + tokens_out * 15) / 1e6)::float8 FROM {TeacherTables.Observations} WHERE simulation_id = $1", simulationId);
        Assert.True(tokens > 0);
        Assert.Equal(tokens, observed.Where(a => a.Metric == "cost.usd" && a.Segment == Segments.All).Sum(a => a.Sum), 12);
    }

    private static PairedAggregate Rounded(PairedAggregate p) => p with
    {
        SumBaseline = Math.Round(p.SumBaseline, 9), SumSqBaseline = Math.Round(p.SumSqBaseline, 9), SumTreatment = Math.Round(p.SumTreatment, 9),
        SumSqTreatment = Math.Round(p.SumSqTreatment, 9), SumDiff = Math.Round(p.SumDiff, 9), SumSqDiff = Math.Round(p.SumSqDiff, 9),
    };
}
