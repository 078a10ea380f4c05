using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Domain.Tests.Teacher.Search.SearchGiven;

namespace SelfLearn.Domain.Tests.Teacher.Search;

public sealed class SearchSummaryTests
{
    [Fact]
    public void The_best_so_far_is_the_highest_feasible_objective_when_higher_is_better_and_the_earliest_of_a_tie()
    {
        var search = After(Running(), Trial(1, 0.5), Trial(2, 0.7, feasible: false), Trial(3, 0.6), Trial(4, 0.6), Trial(5, 0.55));

        Assert.Equal(MetricDirection.HigherIsBetter, search.Direction);
        Assert.Equal((3, 0.6), (search.BestSoFar!.Trial, search.BestSoFar.Objective));
    }

    [Fact]
    public void The_best_so_far_is_the_lowest_feasible_objective_when_lower_is_better()
    {
        var search = After(Running("latency.total_ms"), Trial(1, 30), Trial(2, 20, feasible: false), Trial(3, 25), Trial(4, 25), Trial(5, 40));

        Assert.Equal(MetricDirection.LowerIsBetter, search.Direction);
        Assert.Equal((3, 25.0), (search.BestSoFar!.Trial, search.BestSoFar.Objective));
    }

    [Fact]
    public void A_trial_of_a_lower_halving_rung_is_counted_but_never_the_best()
    {
        var search = After(Running(), Trial(1, 0.5), Trial(2, 0.9) with { FullFidelity = false });

        Assert.Equal((2, 2, 1), (search.Evaluations, search.FeasibleEvaluations, search.BestSoFar!.Trial));
    }

    [Fact]
    public void Without_a_feasible_trial_there_is_no_best()
    {
        var search = After(Running(), Trial(1, 0.9, feasible: false));
        Assert.Equal((1, 0, null), (search.Evaluations, search.FeasibleEvaluations, search.BestSoFar));
    }

    [Fact]
    public void The_best_keeps_the_trial_s_fold_parameters_and_metrics()
    {
        var trial = Trial(1, 0.4, fold: 2, parameters: ("retrieval.top_k", "7"));
        var best = After(Running(), trial).BestSoFar!;
        Assert.Equal((2, trial.Parameters, trial.Metrics), (best.Fold, best.Parameters, best.Metrics));
    }
}
