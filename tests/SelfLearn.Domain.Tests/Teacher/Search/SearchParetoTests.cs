using SelfLearn.Domain.Teacher.Search;
using static SelfLearn.Domain.Tests.Teacher.Search.SearchGiven;

namespace SelfLearn.Domain.Tests.Teacher.Search;

public sealed class SearchParetoTests
{
    private static SearchPareto Front(SearchStarted started, params SearchTrialRecorded[] trials) =>
        trials.Aggregate(SearchPareto.Create(started), (front, trial) => front.Apply(trial));

    [Fact]
    public void The_front_keeps_the_non_dominated_feasible_trials_best_objective_first()
    {
        var front = Front(Started(),
            Trial(1, 0.60, tokens: 1000, latency: 5),
            Trial(2, 0.70, tokens: 1200, latency: 6),
            Trial(3, 0.60, tokens: 1100, latency: 5),   // dominated by 1: same quality, more tokens
            Trial(4, 0.50, tokens: 800, latency: 4),    // on the front until 10
            Trial(5, 0.70, tokens: 1200, latency: 6),   // ties 2: both stay
            Trial(6, 0.65, tokens: 900, latency: 7),
            Trial(7, 0.80, tokens: 2000, latency: 9, feasible: false),
            Trial(8, 0.55, tokens: 1000, latency: 5),   // dominated by 1
            Trial(9, 0.40, tokens: 700, latency: 3),
            Trial(10, 0.50, tokens: 800, latency: 3.5), // dominates 4: same quality and tokens, faster
            Trial(11) with { Metrics = new Dictionary<string, double> { ["tokens.in"] = 600 } });

        Assert.Equal([2, 5, 6, 1, 10, 9], front.Points.Select(p => p.Trial));
        Assert.Equal((0.65, 900.0, 7.0), (front.Points[2].Objective, front.Points[2].TokensIn, front.Points[2].LatencyRetrieveMs));
        Assert.Equal((9, 1), (front.Considered, front.Unplaced));
        Assert.Equal(12L, front.Version);
    }

    [Fact]
    public void A_trial_of_a_lower_halving_rung_is_neither_placed_nor_counted()
    {
        var front = Front(Started(),
            Trial(1, 0.60, tokens: 1000, latency: 5),
            Trial(2, 0.90, tokens: 500, latency: 2) with { FullFidelity = false });

        Assert.Equal([1], front.Points.Select(p => p.Trial));
        Assert.Equal((1, 0), (front.Considered, front.Unplaced));
    }

    [Fact]
    public void When_lower_is_better_the_lowest_objective_leads_and_dominates()
    {
        var front = Front(Started("latency.total_ms"),
            Trial(1, 30, tokens: 900, latency: 5),
            Trial(2, 20, tokens: 1000, latency: 5),
            Trial(3, 30, tokens: 1000, latency: 5)); // dominated by 2 and by 1

        Assert.Equal([2, 1], front.Points.Select(p => p.Trial));
    }

    [Fact]
    public void The_front_equals_the_definition_whatever_the_order_of_the_trials()
    {
        var random = new Random(7);
        var trials = Enumerable.Range(1, 300).Select(n => Trial(n, random.Next(0, 8) / 10.0, feasible: random.Next(5) > 0,
            tokens: random.Next(5, 15) * 100, latency: random.Next(1, 6))).ToList();
        var front = Front(Started(), [.. trials]);

        var expected = trials.Where(t => t.Feasible).Where(t => !trials.Any(o => o.Feasible && Dominates(o, t))).Select(t => t.Number).Order().ToList();
        Assert.Equal(expected, front.Points.Select(p => p.Trial).Order());
        Assert.NotEmpty(expected);
        Assert.Equal(front.Points.Select(p => p.Trial),
            front.Points.OrderByDescending(p => p.Objective).ThenBy(p => p.TokensIn).ThenBy(p => p.LatencyRetrieveMs).ThenBy(p => p.Trial).Select(p => p.Trial));
    }

    private static bool Dominates(SearchTrialRecorded a, SearchTrialRecorded b)
    {
        double Tokens(SearchTrialRecorded t) => t.Metrics["tokens.in"];
        double Latency(SearchTrialRecorded t) => t.Metrics["latency.retrieve_ms"];
        return a.Objective >= b.Objective && Tokens(a) <= Tokens(b) && Latency(a) <= Latency(b)
            && (a.Objective > b.Objective || Tokens(a) < Tokens(b) || Latency(a) < Latency(b));
    }
}
