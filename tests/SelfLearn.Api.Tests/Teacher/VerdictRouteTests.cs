using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Teacher.Evaluation;
using SelfLearn.Api.Teacher;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Api.Tests.Teacher;

/// <summary>POST /api/experiments/{id}/evaluate and GET /api/experiments/{id}/verdict/recompute: answers, refusals, and a verdict that does not reproduce.</summary>
public sealed class VerdictRouteTests(AppFixture fixture) : ApiTest(fixture)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Evaluate_refuses_what_the_command_refuses_and_any_body_and_appends_nothing()
    {
        await Host.RegisterRefusedExperimentsAsync();

        var unknown = await Host.Refused(HttpMethod.Post, "/api/experiments/exp-nope/evaluate", null, 404);
        var empty = await Host.Refused(HttpMethod.Post, $"/api/experiments/{TeacherExperiments.Empty}/evaluate", null, 409);
        var aborted = await Host.Refused(HttpMethod.Post, $"/api/experiments/{TeacherExperiments.Aborted}/evaluate", null, 409);
        var body = await Host.Refused(HttpMethod.Post, $"/api/experiments/{TeacherExperiments.Aborted}/evaluate", EdgeRequests.Json("{}"), 400);

        Assert.Equal("no experiment 'exp-nope'.", unknown.Detail());
        Assert.Equal("experiment 'exp-empty' has no runs yet: simulate it (simulate --experiment exp-empty) or send it traffic first.", empty.Detail());
        Assert.Equal("experiment 'exp-gone' is aborted: its data must not be used for a verdict. Nothing was appended.", aborted.Detail());
        Assert.Equal("This route takes no request body.", body.Detail());
        var before = await Host.EventCount();
        Assert.Equal(403, (await Host.Send(HttpMethod.Post, $"/api/experiments/{TeacherExperiments.Empty}/evaluate", null, Keys.Auditor)).Status);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task Recompute_is_a_404_for_an_unknown_experiment_or_one_without_a_verdict()
    {
        await Host.RegisterRefusedExperimentsAsync();

        var unknown = await Host.Refused(HttpMethod.Get, "/api/experiments/exp-nope/verdict/recompute", null, 404, Keys.Auditor);
        var none = await Host.Refused(HttpMethod.Get, $"/api/experiments/{TeacherExperiments.Empty}/verdict/recompute", null, 404, Keys.Service);

        Assert.Equal("no experiment 'exp-nope'.", unknown.Detail());
        Assert.Equal("experiment 'exp-empty' has no verdict: evaluate it first.", none.Detail());
    }

    [Fact]
    public async Task A_null_body_or_an_over_long_id_is_refused_on_both_routes_and_appends_nothing()
    {
        // A NUL in the path never reaches the app: the server refuses such a request line itself.
        await Host.RegisterRefusedExperimentsAsync();
        var longId = new string('e', 5000);

        var nullBody = await Host.Refused(HttpMethod.Post, $"/api/experiments/{TeacherExperiments.Empty}/evaluate", EdgeRequests.Json("null"), 400);
        var longEvaluate = await Host.Refused(HttpMethod.Post, $"/api/experiments/{longId}/evaluate", null, 400);
        var longRecompute = await Host.Refused(HttpMethod.Get, $"/api/experiments/{longId}/verdict/recompute", null, 400, Keys.Auditor);

        Assert.Equal("This route takes no request body.", nullBody.Detail());
        Assert.Equal("route value 'id' is longer than 200 characters.", longEvaluate.Detail());
        Assert.Equal("route value 'id' is longer than 200 characters.", longRecompute.Detail());
    }

    [Fact]
    public async Task A_stored_verdict_whose_call_was_changed_does_not_reproduce_on_the_route_nor_the_command()
    {
        await Host.RegisterHandMadeExperimentAsync();
        var evaluated = (await Host.PostWithoutBody($"/api/experiments/{HandMadeRuns.Experiment}/evaluate", 200))!;
        var reproduced = (await Host.Get($"/api/experiments/{HandMadeRuns.Experiment}/verdict/recompute"))!;
        Assert.Equal((evaluated["verdictId"]!.GetValue<string>(), true), (reproduced["verdictId"]!.GetValue<string>(), reproduced["reproduced"]!.GetValue<bool>()));
        var (real, forged) = await ForgeCallAsync();

        var recompute = (await Host.Get($"/api/experiments/{HandMadeRuns.Experiment}/verdict/recompute"))!;

        var difference = $"$.treatments[0].call: stored {Json(forged)}, recomputed {Json(real)}";
        Assert.Equal(("vrd-forged", false), (recompute["verdictId"]!.GetValue<string>(), recompute["reproduced"]!.GetValue<bool>()));
        Assert.Equal([difference], recompute["differences"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(Json(real).Trim('"'), recompute["recomputed"]!["treatments"]![0]!["call"]!.GetValue<string>());
        var (code, printed) = await ConsoleCapture.RunAsync(() => RecomputeCommand.RunAsync(Host.Services, ["--experiment", HandMadeRuns.Experiment], Ct));
        Assert.Equal((RecomputeCommand.Differs, $"verdict vrd-forged of {HandMadeRuns.Experiment} did not reproduce:\n  {difference}\n"), (code, printed));
    }

    /// <summary>Appends a copy of the latest verdict whose treatment's call was changed; returns the real call and the forged one.</summary>
    private async Task<(VerdictCall Real, VerdictCall Forged)> ForgeCallAsync()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var stored = (await LatestVerdict.LoadAsync(store, HandMadeRuns.Experiment, Ct))!;
        var treatment = Assert.Single(stored.Result.Treatments);
        var forged = treatment.Call == VerdictCall.Winner ? VerdictCall.Loser : VerdictCall.Winner;
        await using var session = store.LightweightSession();
        session.Events.Append(VerdictRecorded.StreamKey(HandMadeRuns.Experiment),
            stored with { VerdictId = "vrd-forged", Result = stored.Result with { Treatments = [treatment with { Call = forged }] } });
        await session.SaveChangesAsync(Ct);
        return (treatment.Call, forged);
    }

    private static string Json(VerdictCall call) => JsonSerializer.Serialize(call);
}
