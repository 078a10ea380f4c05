using System.Text.Json;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Teacher.TeacherGiven;

namespace SelfLearn.Domain.Tests.Teacher;

public sealed class ProposeHypothesisTests
{
    private static Decision Decide(HypothesisDraft draft, bool exists = false) =>
        ProposeHypothesis.Decide("hyp-1", exists, draft, OpenedDeployment, Version2(), Default, Runnable, "meta-user#1");

    private static Violation Refused(HypothesisDraft draft)
    {
        var decision = Decide(draft);
        Assert.Empty(decision.Events);
        return Assert.Single(decision.Violations);
    }

    [Fact]
    public void A_hypothesis_records_the_base_value_it_moves_from_and_the_values_to_try()
    {
        var proposed = Assert.IsType<HypothesisProposed>(Assert.Single(Decide(RaiseNeighbors("0.4", "0.5")).Events));

        Assert.Equal(("hyp-1", 2, "retrieval.neighbor_weight", ChangeDirection.Up, "0.3"),
            (proposed.HypothesisId, proposed.BaseVersion, proposed.Factor, proposed.Direction, proposed.From.GetRawText()));
        Assert.Equal(["0.4", "0.5"], proposed.Values.Select(v => v.GetRawText()));
        Assert.Equal("kind:multi-hop", Assert.Single(proposed.Observations).Segment);
        Assert.Equal((HypothesisStatus.Proposed, "hyp:hyp-1"), (Hypothesis.Create(proposed, Now).Status, Hypothesis.StreamKey("hyp-1")));
    }

    [Theory]
    [InlineData("0.2", ViolationRule.InvalidDefinition)]
    [InlineData("0.3", ViolationRule.NoChange)]
    [InlineData("1.5", ViolationRule.OutOfRange)]
    [InlineData("0.42", ViolationRule.OffStep)]
    [InlineData("\"more\"", ViolationRule.WrongType)]
    public void A_value_the_Tuner_refuses_or_on_the_wrong_side_of_the_base_is_rejected(string value, ViolationRule rule) =>
        Assert.Equal(rule, Refused(RaiseNeighbors(value)).Rule);

    [Fact]
    public void A_frozen_factor_cannot_be_the_subject_of_a_hypothesis()
    {
        var draft = RaiseNeighbors() with { Factor = "generation.model", Direction = ChangeDirection.Set, Values = [J("\"gpt-x\"")] };
        Assert.Equal(ViolationRule.FrozenFactor, Refused(draft).Rule);
    }

    [Fact]
    public void A_manual_zone_factor_needs_no_approval_to_be_hypothesised()
    {
        var draft = RaiseNeighbors() with { Factor = "generation.system_prompt_version", Direction = ChangeDirection.Set, Values = [J("\"answer-v2\"")] };
        Assert.True(Decide(draft).Accepted);
    }

    [Fact]
    public void Up_and_down_are_for_numbers_only()
    {
        var draft = RaiseNeighbors() with { Factor = "retrieval.fusion", Values = [J("\"minmax\"")] };
        Assert.Equal("direction", Refused(draft).Key);
        Assert.True(Decide(draft with { Direction = ChangeDirection.Set }).Accepted);
    }

    [Fact]
    public void A_value_named_twice_is_rejected() =>
        Assert.Equal("values", Refused(RaiseNeighbors("0.4", "0.40")).Key);

    [Fact]
    public void An_unknown_factor_is_rejected() =>
        Assert.Equal(ViolationRule.UnknownFactor, Refused(RaiseNeighbors("0.4") with { Factor = "retrieval.rerank" }).Rule);

    [Theory]
    [InlineData("retrieval.recall@7", "kind:multi-hop", "observations[0].metric")]
    [InlineData("retrieval.recall@10", "kind:two-hop", "observations[0].segment")]
    public void An_observation_names_a_registered_metric_and_a_valid_segment(string metric, string segment, string key)
    {
        var draft = RaiseNeighbors("0.4") with { Observations = [new SegmentObservation(metric, segment, 0.4, null, 10)] };
        Assert.Equal(key, Refused(draft).Key);
    }

    [Fact]
    public void An_existing_id_is_a_conflict() =>
        Assert.Equal("hypothesis 'hyp-1' already exists.", Decide(RaiseNeighbors("0.4"), exists: true).Conflict);

    [Fact]
    public void A_stored_hypothesis_serialises_its_values_as_JSON_values()
    {
        var proposed = Decide(RaiseNeighbors("0.4")).Events.Single();
        var json = JsonSerializer.SerializeToNode(proposed, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(("up", "[0.4]", 0.3), (json["direction"]!.GetValue<string>(), json["values"]!.ToJsonString(), json["from"]!.GetValue<double>()));
    }
}
