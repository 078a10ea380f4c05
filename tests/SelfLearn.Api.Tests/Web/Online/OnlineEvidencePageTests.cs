using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Api.Tests.Teacher.Online;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Web.Online;
using Wolverine;

namespace SelfLearn.Api.Tests.Web.Online;

/// <summary>What the online page shows as evidence: rollbacks' firing windows, the offline→online agreement and the question mix.</summary>
public sealed class OnlineEvidencePageTests(AppFixture fixture) : PageTest(fixture)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_automatic_rollback_is_shown_with_its_rule_baseline_and_firing_windows_as_its_event_carries_them()
    {
        var version = await Host.CreateAndActivate("retrieval.top_k", 3);
        var t0 = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        var evidence = new DegradationEvidence("errors", new RollbackCondition("error.rate", 0.5, 2) { MinSamples = 10 }, 2, version, t0,
            new BaselineFigure(1, t0.AddMinutes(-1), t0, 100, 0.04),
            [new EvaluatedWindow(t0, t0.AddMinutes(1), 50, 0.2, 0.04, 0.06, WindowOutcome.Failed),
                new EvaluatedWindow(t0.AddMinutes(2), t0.AddMinutes(3), 40, 0.125, 0.04, 0.06, WindowOutcome.Failed)]);
        await Host.Services.GetRequiredService<IMessageBus>().InvokeAsync<TunerOutcome>(
            new SelfLearn.Agents.Tuner.RollBack("default", null, "rule errors fired", SelfLearn.Agents.Teacher.Online.DegradationRuleEvaluator.By, "errors", ChangeLinks.None, null, evidence), Ct);
        var rolledBack = (await Host.Get("/api/deployments/default/events"))!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "config_rolled_back")!;
        var data = rolledBack["data"]!;

        var page = RenderPage<OnlinePage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        var shown = page.Find($"[data-testid=rollback][data-sequence='{rolledBack["sequence"]!.GetValue<long>()}']");
        Assert.Equal((data["fromVersion"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), data["toVersion"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture),
                $"rule {data["rule"]!.GetValue<string>()}"),
            (shown.QuerySelector("[data-field=from]")!.TextContent.Trim(), shown.QuerySelector("[data-field=to]")!.TextContent.Trim(), shown.QuerySelector("[data-field=rule]")!.TextContent.Trim()));
        Assert.NotNull(shown.QuerySelector($"a[href='/raw/api/deployments/default/events?fromVersion={rolledBack["version"]!.GetValue<long>()}&limit=1']"));
        var baseline = data["evidence"]!["baseline"]!;
        Assert.Equal($"baseline version {baseline["configVersion"]}: n {baseline["n"]}, mean {baseline["mean"]}", shown.QuerySelector("[data-field=baseline]")!.TextContent.Trim());
        Assert.Equal(data["evidence"]!["windows"]!.AsArray().Select(w => (w!["n"]!.ToJsonString(), w["mean"]!.ToJsonString(), w["limit"]!.ToJsonString(), w["outcome"]!.GetValue<string>())),
            shown.QuerySelectorAll("[data-testid=judged-window]").Select(r => (Field(r, "n"), Field(r, "mean"), Field(r, "limit"), Field(r, "outcome"))));
    }

    [Fact]
    public async Task The_offline_to_online_agreement_is_shown_as_the_api_computes_it()
    {
        var since = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Events.StartStream(OnlineOutcomeObserved.StreamKey("default"), new OnlineOutcomeObserved("default", 2, 2, 1, "exp-v", "v-1", null, "c-v", since, 30,
                [new PredictedMetric("answer.abstention_rate", -0.15, -0.5, 40, 0.3, 40, 0.1), new PredictedMetric("latency.total_ms", -20, -0.1, 40, 200, 40, 230)],
                new RunningAgreement(2, 1, 0.5, null)));
            await session.SaveChangesAsync(Ct);
        }
        var validity = (await Host.Get("/api/online/validity?deploymentId=default"))!;

        var page = RenderPage<OnlinePage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);

        var running = validity["running"]!;
        var agreement = page.Find("[data-testid=agreement]");
        Assert.Equal((running["pairs"]!.ToJsonString(), running["agreeing"]!.ToJsonString(), running["directionAgreement"]!.ToJsonString(), "—"),
            (Field(agreement, "pairs"), Field(agreement, "agreeing"), Field(agreement, "share"), Field(agreement, "correlation")));
        var metrics = validity["observations"]![0]!["metrics"]!.AsArray();
        Assert.Equal(metrics.Select(m => (m!["predictedDelta"]!.ToJsonString(), Math.Round(m["observedDelta"]!.GetValue<double>(), 6), m["directionAgrees"]!.GetValue<bool>() ? "agrees" : "disagrees")),
            page.FindAll("[data-testid=observations] tbody tr").Select(r => (Field(r, "predicted"), double.Parse(Field(r, "observed"), CultureInfo.InvariantCulture), Field(r, "direction"))));
    }

    [Fact]
    public async Task The_live_question_mix_is_shown_against_the_golden_datasets_as_the_api_computes_it()
    {
        await RegisterDataset.RunAsync(Fixture.Store, SelfLearn.Api.Tests.Teacher.HandMadeRuns.Dataset, "test", "test", Ct);
        var now = DateTimeOffset.UtcNow;
        await Host.StoreAsync([Live(now.AddMinutes(-20), "When did I move?"), Live(now.AddMinutes(-19), "What's my current job?"), Live(now.AddMinutes(-5), "Where does my sister live?")]);

        var page = RenderPage<OnlinePage>(key: Keys.Auditor, role: "auditor");
        WaitUntilLoaded(page);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=mix-overall]")), TimeSpan.FromSeconds(30));

        var range = page.Find("[data-testid=mix-overall] a").GetAttribute("href")!;
        var mix = (await Host.Get(range))!;
        var overall = page.Find("[data-testid=mix-overall]");
        Assert.Equal((mix["overall"]!["questions"]!.ToJsonString(), Math.Round(mix["overall"]!["divergence"]!.GetValue<double>(), 6)),
            (Field(overall, "questions"), double.Parse(Field(overall, "divergence"), CultureInfo.InvariantCulture)));
        Assert.Equal(3, mix["overall"]!["questions"]!.GetValue<long>());
        Assert.Equal(mix["windows"]!.AsArray().Select(w => w!["questions"]!.ToJsonString()), page.FindAll("[data-testid=mix] [data-field=questions]").Select(c => c.TextContent.Trim()));
    }

    private static string Field(AngleSharp.Dom.IElement element, string name) => element.QuerySelector($"[data-field={name}]")!.TextContent.Trim();

    private static SelfLearn.Agents.Student.Telemetry.PipelineRun Live(DateTimeOffset at, string question) =>
        SelfLearn.Api.Tests.Teacher.HandMadeRuns.Run("a", "alpha/q1", [], []) with
        {
            At = at, Question = question, CycleType = "online", ExperimentId = null, Variant = null, SimulationId = null, ExampleId = null, UserId = "live-user",
        };
}
