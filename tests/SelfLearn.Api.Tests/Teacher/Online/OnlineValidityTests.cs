using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Teacher.Online;
using ActivateVersion = SelfLearn.Agents.Tuner.ActivateVersion;
using Observer = SelfLearn.Agents.Teacher.Online.ObserveOnlineOutcome;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Verdicts;
using Wolverine;

namespace SelfLearn.Api.Tests.Teacher.Online;

/// <summary>An activation from an offline verdict, checked against its live windows once, with the running agreement in the journal and the route.</summary>
public sealed class OnlineValidityTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string Abstention = "answer.abstention_rate";

    [Fact]
    public async Task An_activation_from_a_verdict_is_observed_once_against_the_live_windows_around_it()
    {
        var created = await Host.Post("/api/deployments/default/versions",
            new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 3 }, reason = "winner of exp-v" }, 201);
        var version = created!["configVersion"]!.GetValue<int>();
        await RecordVerdictAsync(version);
        await Host.Services.GetRequiredService<IMessageBus>().InvokeAsync<TunerOutcome>(new ActivateVersion("default", version, "offline winner", "test",
            new ChangeLinks(ExperimentId: "exp-v", VerdictId: "v-1", CycleId: "c-v"), null), TestContext.Current.CancellationToken);
        await using var query = Fixture.Store.QuerySession();
        var since = (await query.LoadAsync<Deployment>("default", TestContext.Current.CancellationToken))!.ActiveSince!.Value;
        var options = new OnlineOptions();
        var window = options.WindowStart(since);
        // version 1: 40 live runs, 12 abstained, in the two complete windows before; version N: 40 runs, 4 abstained, after
        await WindowsAsync((1, window.AddMinutes(-2), 20, 5), (1, window.AddMinutes(-1), 20, 7), (1, window, 99, 99),
            (version, window, 99, 0), (version, window.AddMinutes(1), 25, 3), (version, window.AddMinutes(29), 15, 1));
        var observer = new Observer(Fixture.Store, Host.Services.GetRequiredService<OnlineWindowReader>(), Options.Create(options),
            new FixedTime(since.AddMinutes(30)));

        var (observed, reason) = await observer.RunAsync("default", TestContext.Current.CancellationToken);
        var events = await Host.EventCount();
        var (again, why) = await observer.RunAsync("default", TestContext.Current.CancellationToken);

        Assert.Null(reason);
        Assert.Equal(new PredictedMetric(Abstention, -0.15, -0.5, 40, 12 / 40.0, 40, 4 / 40.0), Assert.Single(observed!.Metrics));
        Assert.Equal((version, 1, "exp-v", "v-1", "c-v"), (observed.ConfigVersion, observed.PreviousVersion, observed.ExperimentId, observed.VerdictId, observed.CycleId));
        Assert.Null(again);
        Assert.Contains("already observed", why, StringComparison.Ordinal);
        Assert.Equal(events, await Host.EventCount());

        var validity = await Host.Get("/api/online/validity?deploymentId=default");
        Assert.Single(validity!["observations"]!.AsArray());
        Assert.Equal(1, validity["running"]!["agreeing"]!.GetValue<int>());
        var journal = await Host.Get("/api/journal?limit=500");
        var row = journal!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "online");
        Assert.Equal("c-v", row!["cycleId"]!.GetValue<string>());
        Assert.StartsWith($"activation {observed.Activation} (version {version}, verdict v-1)", row!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_route_says_why_nothing_was_observed_and_refuses_an_unknown_deployment()
    {
        var none = await Host.PostWithoutBody("/api/deployments/default/online/validity", 200);
        Assert.False(none!["recorded"]!.GetValue<bool>());
        Assert.Contains("did not come from an offline verdict", none["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var missing = await Host.PostWithoutBody("/api/deployments/nowhere/online/validity", 404);
        Assert.Equal("no deployment 'nowhere'.", missing!["detail"]!.GetValue<string>());
        await Host.PostWithoutBody("/api/deployments/default/online/validity", 403, Keys.Auditor);
    }

    private async Task RecordVerdictAsync(int treatmentVersion)
    {
        var design = ExperimentDesign.Default([new ExperimentVariant("a", 1), new ExperimentVariant("b", treatmentVersion)], AssignmentUnit.User);
        var comparison = new MetricComparison(Abstention, "all", MetricRole.Primary, ComparisonTest.TwoProportionZ, 100, 100, 0.3, 0.15, null, null,
            -0.15, null, -0.5, null, null, null, 0.01, 0.01, Significance.Better, true, null);
        var verdict = new VerdictRecorded("exp-v", "v-1", "test", new VerdictInput("exp-v", design, [], [], [], null, null, "test"),
            new VerdictResult(null, [], [new TreatmentVerdict("b", VerdictCall.Winner, [], [], [comparison])]));
        await using var session = Fixture.Store.LightweightSession();
        session.Events.StartStream(VerdictRecorded.StreamKey("exp-v"), verdict);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task WindowsAsync(params (int Version, DateTimeOffset Start, long N, double Total)[] windows)
    {
        var dataSource = Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        await Host.Services.GetRequiredService<SelfLearn.Agents.Teacher.Metrics.TeacherTables>().EnsureAsync(TestContext.Current.CancellationToken);
        foreach (var (version, start, n, total) in windows)
        {
            await using var command = dataSource.CreateCommand(
                $"INSERT INTO {OnlineWindowTables.Windows} VALUES ('default', $1, '', '', $2, '{Abstention}', $3, $4, $4)");
            command.Parameters.Add(new() { Value = version });
            command.Parameters.Add(new() { Value = start.UtcDateTime });
            command.Parameters.Add(new() { Value = n });
            command.Parameters.Add(new() { Value = total });
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
