using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SelfLearn.Agents.Teacher.Hypotheses;
using SelfLearn.Agents.Tests.Emulator;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Tests.Infrastructure;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Hypotheses;
using Wolverine;

namespace SelfLearn.Api.Tests.Teacher;

public sealed class AnalyzeFindingsTests(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly SegmentObservation LowMultiHop = new("retrieval.delivered_recall", "kind:multi-hop", 0.41, 0.62, 120, Significance.Worse);

    private static VerdictEvidence Winner(string from) => new("exp-topk", "verdict-7", VerdictCall.Winner,
        [new ParameterChange("retrieval.top_k", Json(from), Json("2"))],
        [new SegmentObservation("retrieval.delivered_precision", null, 0.51, 0.42, 300, Significance.Better)]);

    private static Findings Findings(IReadOnlyList<SegmentObservation> observations, params VerdictEvidence[] verdicts) =>
        new("default", observations, verdicts, "exp-a", "verdict-1");

    private Task<FindingsAnalysis> Analyze(Findings findings) =>
        Host.Services.GetRequiredService<IMessageBus>().InvokeAsync<FindingsAnalysis>(new AnalyzeFindings(findings, "teacher"));

    /// <summary>The handler with a scripted language model in place of the configured one (the shared host runs rules only).</summary>
    private async Task<FindingsAnalysis> AnalyzeWithModel(Findings findings, string reply)
    {
        await using var session = Fixture.Store.LightweightSession();
        return await AnalyzeFindingsHandler.Handle(new AnalyzeFindings(findings, "teacher"), session, Host.Services.GetRequiredService<CatalogCache>(),
            new TeacherProposers(new KernelHypothesisProposer(new ScriptedChatClient(reply), "qwen")), NullLogger<AnalyzeFindings>.Instance, CancellationToken.None);
    }

    [Fact]
    public async Task Low_multi_hop_recall_and_a_winner_become_two_hypotheses_and_the_seed_s_recommendation()
    {
        var active = await Host.CreateAndActivate("retrieval.top_k", 3);
        var before = await Host.EventCount();

        var analysis = await Analyze(Findings([LowMultiHop], Winner("3")));

        Assert.Equal((2, 1, 0), (analysis.HypothesisIds.Count, analysis.RecommendationIds.Count, analysis.Rejections.Count));
        Assert.Equal(before + 3, await Host.EventCount());
        var hypotheses = (await Host.Get("/api/hypotheses?experimentId=exp-a"))!.AsArray()
            .Select(h => $"{h!["factor"]} {h["from"]!.ToJsonString()}→{h["values"]!.ToJsonString()} {h["source"]!["rule"]} v{h["baseVersion"]}").Order(StringComparer.Ordinal);
        Assert.Equal([$"retrieval.neighbor_weight 0.3→[0.4] low-multi-hop-recall v{active}", $"retrieval.top_k 3→[5] low-multi-hop-recall v{active}"], hypotheses);
        var recommendation = (await Host.Get("/api/recommendations?experimentId=exp-topk"))!.AsArray().Single()!;
        Assert.Equal(("""[{"key":"retrieval.top_k","from":3,"to":2}]""", """["exp-topk","verdict-7"]""", "winner-verdict"),
            (recommendation["changes"]!.ToJsonString(), recommendation["evidence"]!.ToJsonString(), recommendation["source"]!["rule"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_winner_measured_against_another_configuration_is_refused_as_stale_and_appends_nothing()
    {
        var before = await Host.EventCount();

        var analysis = await Analyze(Findings([], Winner("3")));

        var rejection = Assert.Single(analysis.Rejections);
        Assert.StartsWith("The recommendation is stale: retrieval.top_k is 5 in version 1, not 3", rejection.Why, StringComparison.Ordinal);
        Assert.Empty(analysis.RecommendationIds);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_malformed_model_reply_is_counted_and_never_acted_on_while_the_rules_still_propose()
    {
        var before = await Host.EventCount();

        var analysis = await AnalyzeWithModel(Findings([LowMultiHop]), "Raise top_k, it will be great!");

        Assert.Equal(("qwen", "$: the reply holds no JSON object."), (Assert.Single(analysis.Rejections).Source!.Model, analysis.Rejections[0].Why));
        Assert.Equal(2, analysis.HypothesisIds.Count);
        Assert.Equal(before + 2, await Host.EventCount());
        Assert.All((await Host.Get("/api/hypotheses"))!.AsArray(), h => Assert.Equal("rules", h!["source"]!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_model_proposing_a_value_out_of_bounds_is_refused_and_appends_nothing()
    {
        var before = await Host.EventCount();
        const string reply = """{"hypotheses":[{"factor":"retrieval.top_k","direction":"up","values":[500],"expectedEffect":{"retrieval.delivered_recall":"up"},"rationale":"more is better","evidence":["exp-a"]}]}""";

        var analysis = await AnalyzeWithModel(Findings([]), reply);

        var rejection = Assert.Single(analysis.Rejections);
        Assert.Equal(("hypothesis on retrieval.top_k", "retrieval.top_k = 500 is outside [1, 50]."), (rejection.What, rejection.Why));
        Assert.Empty(analysis.HypothesisIds);
        Assert.Equal(before, await Host.EventCount());
    }

    [Fact]
    public async Task A_valid_model_proposal_is_recorded_with_the_model_as_source_and_its_rationale()
    {
        const string reply = """{"hypotheses":[{"factor":"retrieval.bm25_b","direction":"down","values":[0.5],"expectedEffect":{"retrieval.recall@10":"up"},"rationale":"long sessions are over-penalised","evidence":[]}]}""";

        var analysis = await AnalyzeWithModel(Findings([]), reply);

        var id = Assert.Single(analysis.HypothesisIds);
        var hypothesis = await Host.Get($"/api/hypotheses/{id}");
        Assert.Equal(("llm", "qwen", "long sessions are over-penalised", """["exp-a","verdict-1"]""", 0.75),
            (hypothesis!["source"]!["kind"]!.GetValue<string>(), hypothesis["source"]!["model"]!.GetValue<string>(), hypothesis["rationale"]!.GetValue<string>(),
                hypothesis["evidence"]!.ToJsonString(), hypothesis["from"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Findings_about_an_unknown_deployment_propose_nothing()
    {
        var before = await Host.EventCount();
        var analysis = await Analyze(Findings([LowMultiHop]) with { DeploymentId = "eu-west" });
        Assert.Equal("no deployment 'eu-west'.", Assert.Single(analysis.Rejections).Why);
        Assert.Equal(before, await Host.EventCount());
    }

    private static System.Text.Json.JsonElement Json(string raw) => System.Text.Json.JsonDocument.Parse(raw).RootElement.Clone();
}
