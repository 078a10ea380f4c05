using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Teacher.Recommendations;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Configuration.DeploymentHistory;

namespace SelfLearn.Domain.Tests.Teacher;

/// <summary>The default deployment (catalog defaults active as version 1), a base version 2 on top of it, and drafts to decide.</summary>
internal static class TeacherGiven
{
    public static Deployment OpenedDeployment { get; } = Given(Opened());

    /// <summary>Version 2's parameters: the defaults with <paramref name="overrides"/>.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Version2(params (string Key, string Raw)[] overrides) =>
        Parameters.Merge(OpenedDeployment.ActiveParameters, Map(overrides));

    public static ProposalBase Base(params (string Key, string Raw)[] overrides) =>
        new("default", 2, Parameters.Merge(Catalog(), Version2(overrides)));

    private static IReadOnlyDictionary<string, JsonElement> Catalog() => SelfLearn.Domain.Tuner.Catalog.Defaults(Default);

    public static ParameterChange Change(string key, string from, string to) => new(key, J(from), J(to));

    /// <summary>The seed's example: top_k 3 → 2 for more precision at the same recall, after experiment exp-topk.</summary>
    public static RecommendationDraft SeedRecommendation(params ParameterChange[] changes) => new(
        "default", 2, RecommendationDraft.UpdateParams,
        changes.Length == 0 ? [Change("retrieval.top_k", "3", "2")] : changes,
        new Dictionary<string, MetricEffect> { ["retrieval.delivered_precision"] = MetricEffect.Up, ["retrieval.delivered_recall"] = MetricEffect.Same },
        "top_k=2 gives +8% precision at -2% recall", ["exp-topk"],
        [new RollbackCondition("retrieval.delivered_precision", 0.1, 3)],
        ProposalSource.Human, ExperimentId: "exp-topk");

    public static HypothesisDraft RaiseNeighbors(params string[] values) => new(
        "default", 2, "retrieval.neighbor_weight", ChangeDirection.Up, [.. values.Select(J)],
        new Dictionary<string, MetricEffect> { ["retrieval.delivered_recall"] = MetricEffect.Up },
        "multi-hop answers need the adjacent turns", ["exp-topk"],
        [new SegmentObservation("retrieval.delivered_recall", "kind:multi-hop", 0.41, 0.62, 120, Significance.Worse)],
        ProposalSource.Human, "exp-topk");
}
