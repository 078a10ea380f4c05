using SelfLearn.Domain.Manager.Cycles;
using static SelfLearn.Domain.Tests.Manager.Cycles.CycleGiven;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

public sealed class RecommendationConflictsTests
{
    [Fact]
    public void Two_recommendations_on_one_factor_keep_the_larger_gain_and_a_recommendation_on_another_factor_waits_for_a_later_cycle()
    {
        var small = Recommendation("r-small", "retrieval.top_k", "6", 0.05);
        var other = Recommendation("r-other", "retrieval.neighbor_weight", "0.4", 0.08);
        var large = Recommendation("r-large", "retrieval.top_k", "8", 0.12);

        var (conflicts, chosen, deferred) = RecommendationConflicts.Resolve(Id, [small, other, large]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal((Id, "retrieval.top_k", "r-large"), (conflict.CycleId, conflict.Factor, conflict.KeptRecommendationId));
        Assert.Equal(["r-small"], conflict.DroppedRecommendationIds);
        Assert.Equal("2 recommendations change retrieval.top_k; kept r-large (to 8), the largest primary gain (+12%), over r-small (to 6, +5%).", conflict.Reason);
        Assert.Equal(large, chosen);
        Assert.Equal([other], deferred);
    }

    [Fact]
    public void Equal_gains_on_one_factor_keep_the_one_recorded_first()
    {
        var first = Recommendation("r-first", "retrieval.top_k", "6", 0.1);
        var second = Recommendation("r-second", "retrieval.top_k", "8", 0.1);

        var (conflicts, chosen, deferred) = RecommendationConflicts.Resolve(Id, [first, second]);

        Assert.Equal(("r-first", "r-second"), (Assert.Single(conflicts).KeptRecommendationId, Assert.Single(Assert.Single(conflicts).DroppedRecommendationIds)));
        Assert.Equal((first, 0), (chosen, deferred.Count));
    }

    [Fact]
    public void Without_recommendations_nothing_is_chosen_and_nothing_conflicts()
    {
        var (conflicts, chosen, deferred) = RecommendationConflicts.Resolve(Id, []);

        Assert.Equal((0, null, 0), (conflicts.Count, chosen, deferred.Count));
    }
}
