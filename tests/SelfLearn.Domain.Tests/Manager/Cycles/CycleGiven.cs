using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

internal static class CycleGiven
{
    public const string Id = "cyc-1";

    public static FormalGoal Goal(params string[] factors) => new("default",
        [new GoalObjective("retrieval.delivered_recall", MetricDirection.HigherIsBetter, 0.9, null)], [], factors, new GoalBudget(2, 48, 30), GoalLanguage.English);

    public static Cycle Started(params string[] factors) => Cycle.Create(new CycleStarted(Id, "goal-1", Goal(factors), "default", 3, "meta-user#k"), Now);

    public static PlannedExperiment Experiment(string id, string factor = "retrieval.top_k", string to = "7") =>
        new(id, $"h-{id}", factor, J("5"), J(to), [], []);

    public static Cycle Apply(this Cycle cycle, params object[] events) => RecordCycleStep.After(cycle, events, Now);

    public static Cycle Planned(params string[] experiments) =>
        Started("retrieval.top_k").Apply(new CyclePlanned(Id, [.. experiments.Select(e => Experiment(e))], 12, []));

    /// <summary>Planned, prepared, run and evaluated (as a loser, without recommendations) every experiment.</summary>
    public static Cycle Evaluated(params string[] experiments) => experiments.Aggregate(Planned(experiments), (c, e) => c.Apply(
        new VariantsPrepared(Id, e, 3, 4), new ExperimentRan(Id, e, $"sim-{e}", "completed"),
        new ExperimentEvaluated(Id, e, $"vrd-{e}", VerdictCall.Loser, [], [], [])));

    public static CycleRecommendation Recommendation(string id, string factor, string to, double gain) =>
        new(id, $"exp-{id}", [new ParameterChange(factor, J("5"), J(to))], gain, []);

    public static JsonElement Number(int value) => J(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
