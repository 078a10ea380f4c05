using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Teacher.TeacherGiven;

namespace SelfLearn.Domain.Tests.Teacher;

public sealed class RecordRecommendationTests
{
    private static Decision Decide(RecommendationDraft draft, IReadOnlyDictionary<string, JsonElement>? baseParameters = null, bool exists = false) =>
        RecordRecommendation.Decide("rec-1", exists, draft, OpenedDeployment, baseParameters ?? Version2(("retrieval.top_k", "3")), Default, Runnable, "meta-user#1");

    private static Violation Refused(RecommendationDraft draft, IReadOnlyDictionary<string, JsonElement>? baseParameters = null)
    {
        var decision = Decide(draft, baseParameters);
        Assert.Empty(decision.Events);
        return Assert.Single(decision.Violations);
    }

    [Fact]
    public void The_seed_s_recommendation_on_a_base_with_top_k_3_is_recorded_ready_with_its_base_version()
    {
        var recorded = Assert.IsType<RecommendationRecorded>(Assert.Single(Decide(SeedRecommendation()).Events));

        Assert.Equal(("rec-1", "default", 2, "updateParams", "meta-user#1"),
            (recorded.RecommendationId, recorded.DeploymentId, recorded.BaseVersion, recorded.Action, recorded.By));
        var change = Assert.Single(recorded.Changes);
        Assert.Equal(("retrieval.top_k", "3", "2"), (change.Key, change.From!.Value.GetRawText(), change.To!.Value.GetRawText()));
        Assert.Equal(RecommendationStatus.Ready, Recommendation.Create(recorded, Now).Status);
        Assert.Equal("rec:rec-1", Recommendation.StreamKey("rec-1"));
    }

    [Fact]
    public void The_event_is_the_seed_s_format_in_camel_case()
    {
        var recorded = (RecommendationRecorded)Decide(SeedRecommendation()).Events.Single();
        var json = JsonSerializer.SerializeToNode(recorded, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Equal("""[{"key":"retrieval.top_k","from":3,"to":2}]""", json["changes"]!.ToJsonString());
        Assert.Equal("""{"retrieval.delivered_precision":"up","retrieval.delivered_recall":"same"}""", json["expectedEffect"]!.ToJsonString());
        Assert.Equal("""[{"metric":"retrieval.delivered_precision","maxDrop":0.1,"windows":3}]""", json["rollbackConditions"]!.ToJsonString());
        Assert.Equal("""["exp-topk"]""", json["evidence"]!.ToJsonString());
        Assert.Equal("""{"kind":"human","rule":null,"model":null}""", json["source"]!.ToJsonString());
    }

    public static TheoryData<string, string, string, ViolationRule> TunerRefusals => new()
    {
        { "retrieval.top_k", "3", "500", ViolationRule.OutOfRange },
        { "retrieval.dense_weight", "0.3", "0.33", ViolationRule.OffStep },
        { "retrieval.top_k", "3", "\"two\"", ViolationRule.WrongType },
        { "retrieval.fusion", "\"rrf\"", "\"borda\"", ViolationRule.NotAllowedValue },
        { "generation.model", "\"offline-extractive\"", "\"gpt-x\"", ViolationRule.FrozenFactor },
        { "security.row_level_security", "true", "false", ViolationRule.FrozenFactor },
        { "retrieval.top_q", "3", "2", ViolationRule.UnknownFactor },
        { "retrieval.top_k", "3", "3", ViolationRule.NoChange },
    };

    [Theory]
    [MemberData(nameof(TunerRefusals))]
    public void A_change_the_Tuner_would_refuse_is_rejected_with_its_rule(string key, string from, string to, ViolationRule rule)
    {
        var violation = Refused(SeedRecommendation(Change(key, from, to)));
        Assert.Equal((key, rule), (violation.Key, violation.Rule));
    }

    [Fact]
    public void A_prompt_template_this_build_lacks_is_not_runnable()
    {
        var draft = SeedRecommendation(Change("generation.system_prompt_version", "\"answer-v1\"", "\"answer-v9\""));
        Assert.Equal(ViolationRule.NotRunnable, Refused(draft).Rule);
    }

    [Fact]
    public void A_manual_zone_change_is_recorded_without_an_approval_which_is_requested_for_the_recorded_recommendation()
    {
        var draft = SeedRecommendation(Change("generation.system_prompt_version", "\"answer-v1\"", "\"answer-v2\""));
        var recorded = Assert.IsType<RecommendationRecorded>(Assert.Single(Decide(draft).Events));
        Assert.Null(recorded.ApprovalId);
    }

    [Fact]
    public void A_from_that_is_not_the_base_value_is_refused_as_stale_naming_the_current_value()
    {
        var decision = Decide(SeedRecommendation(Change("retrieval.top_k", "4", "2")));

        Assert.Empty(decision.Events);
        Assert.Empty(decision.Violations);
        Assert.Equal("The recommendation is stale: retrieval.top_k is 3 in version 2, not 4 of deployment 'default'. " +
            "Recompute it against the current configuration.", decision.Conflict);
    }

    [Fact]
    public void A_from_written_differently_but_equal_in_value_is_not_stale()
    {
        var decision = Decide(SeedRecommendation(Change("retrieval.min_score", "0.20", "0.15")), Version2(("retrieval.min_score", "0.2")));
        Assert.True(decision.Accepted);
    }

    [Fact]
    public void Without_a_named_base_the_active_version_is_the_base()
    {
        var decision = RecordRecommendation.Decide("rec-1", false, SeedRecommendation(Change("retrieval.top_k", "5", "4")) with { BaseVersion = null },
            OpenedDeployment, OpenedDeployment.ActiveParameters, Default, Runnable, "b");
        Assert.Equal(1, ((RecommendationRecorded)decision.Events.Single()).BaseVersion);
    }

    [Fact]
    public void An_unknown_base_version_is_rejected()
    {
        var decision = RecordRecommendation.Decide("rec-1", false, SeedRecommendation(), OpenedDeployment, null, Default, Runnable, "b");
        var violation = Assert.Single(decision.Violations);
        Assert.Equal(("baseVersion", ViolationRule.UnknownVersion, "deployment 'default' has no version 2."), (violation.Key, violation.Rule, violation.Message));
    }

    [Fact]
    public void An_unknown_deployment_is_rejected()
    {
        var decision = RecordRecommendation.Decide("rec-1", false, SeedRecommendation() with { DeploymentId = "eu" }, null, null, Default, Runnable, "b");
        var violation = Assert.Single(decision.Violations);
        Assert.Equal(("deploymentId", "no deployment 'eu'."), (violation.Key, violation.Message));
    }

    public static TheoryData<string, string> MalformedDrafts => new()
    {
        { "action", "undo" },
        { "changes", "none" },
        { "changes[0].from", "no from" },
        { "changes", "twice" },
        { "expectedEffect.retrieval.precision@3", "unknown metric" },
        { "expectedEffect", "no effect" },
        { "reason", "blank reason" },
        { "evidence", "no evidence" },
        { "rollbackConditions", "no rollback" },
        { "rollbackConditions[0].windows", "zero windows" },
        { "id", "bad id" },
    };

    [Theory]
    [MemberData(nameof(MalformedDrafts))]
    public void A_malformed_recommendation_is_rejected_at_the_member_that_is_wrong(string key, string what)
    {
        var seed = SeedRecommendation();
        var draft = what switch
        {
            "undo" => seed with { Action = "rollback" },
            "none" => seed with { Changes = [] },
            "no from" => seed with { Changes = [new ParameterChange("retrieval.top_k", null, J("2"))] },
            "twice" => seed with { Changes = [Change("retrieval.top_k", "3", "2"), Change("retrieval.top_k", "3", "4")] },
            "unknown metric" => seed with { ExpectedEffect = new Dictionary<string, MetricEffect> { ["retrieval.precision@3"] = MetricEffect.Up } },
            "no effect" => seed with { ExpectedEffect = new Dictionary<string, MetricEffect>() },
            "blank reason" => seed with { Reason = " " },
            "no evidence" => seed with { Evidence = [] },
            "no rollback" => seed with { RollbackConditions = [] },
            "zero windows" => seed with { RollbackConditions = [new RollbackCondition("retrieval.delivered_precision", 0.1, 0)] },
            _ => seed,
        };
        var decision = what == "bad id"
            ? RecordRecommendation.Decide("Rec 1!", false, draft, OpenedDeployment, Version2(("retrieval.top_k", "3")), Default, Runnable, "b")
            : Decide(draft);

        Assert.Empty(decision.Events);
        Assert.Equal(key, Assert.Single(decision.Violations).Key);
    }

    [Fact]
    public void Every_violation_is_listed_not_just_the_first()
    {
        var draft = SeedRecommendation(Change("retrieval.top_k", "3", "500"), Change("generation.model", "\"offline-extractive\"", "\"gpt-x\"")) with { Evidence = [] };
        Assert.Equal(["evidence:invalid-definition", "generation.model:frozen-factor", "retrieval.top_k:out-of-range"],
            Decide(draft).Violations.Select(v => $"{v.Key}:{JsonSerializer.Serialize(v.Rule).Trim('"')}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_existing_id_is_a_conflict()
    {
        var decision = Decide(SeedRecommendation(), exists: true);
        Assert.Equal("recommendation 'rec-1' already exists.", decision.Conflict);
    }
}
