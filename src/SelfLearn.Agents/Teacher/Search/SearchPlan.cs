using System.Text.Json;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Search;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>A validated search: everything resolved, nothing evaluated yet.</summary>
/// <param name="BaseParameters">The full base parameters (catalog defaults, then the given ones).</param>
/// <param name="Folds">Each fold's held-out conversations; its training conversations are all the others.</param>
public sealed record SearchPlan(
    string Strategy,
    MetricDefinition Objective,
    IReadOnlyList<SearchConstraint> Constraints,
    SearchSpace Space,
    long Seed,
    int Budget,
    bool Halving,
    IReadOnlyList<(string Id, int Questions)> Conversations,
    IReadOnlyList<IReadOnlyList<string>> Folds,
    IReadOnlyDictionary<string, JsonElement> BaseParameters)
{
    public int Questions => Conversations.Sum(c => c.Questions);

    /// <summary>The better of two objective values is the greater after this sign.</summary>
    public double Orient(double objective) => Objective.Direction == MetricDirection.HigherIsBetter ? objective : -objective;

    public bool Feasible(IReadOnlyDictionary<string, double> metrics) =>
        Constraints.All(c => metrics[c.Metric] is var v && !(v < c.Min) && !(v > c.Max));

    /// <summary>The first event of the search's stream; the caller names the search, the data's file and who started it.</summary>
    public SearchStarted Started(string searchId, string datasetName, string datasetSha256, string? deploymentId, int? baseVersion, string startedBy) =>
        new(searchId, Strategy, Objective.Name, Constraints, [.. Space.Dimensions.Select(d => d.Range)], Seed, Budget, Folds.Count,
            new SearchDataset(datasetName, datasetSha256, [.. Conversations.Select(c => c.Id)], Questions), deploymentId, baseVersion, BaseParameters, startedBy);

    /// <exception cref="SearchRefusedException">Any part of the request is invalid; the message says which and why.</exception>
    public static SearchPlan Create(
        SearchRequest request, IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyDictionary<string, JsonElement> baseParameters, ITrialEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return Create(request, catalog, baseParameters, evaluator.Conversations, evaluator.Metrics, evaluator.Reads);
    }

    /// <summary>Validates against what an evaluator will offer, before it is built (embedding a dataset takes a while).</summary>
    /// <exception cref="SearchRefusedException">Any part of the request is invalid; the message says which and why.</exception>
    public static SearchPlan Create(
        SearchRequest request, IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyDictionary<string, JsonElement> baseParameters,
        IReadOnlyList<(string Id, int Questions)> available, IReadOnlyList<string> metrics, IReadOnlyCollection<string> reads)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(baseParameters);
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(reads);
        var objective = OfflineMetricNames.Resolve(request.Objective, metrics, "objective");
        if (!Strategies.SearchStrategies.Names.Contains(request.Strategy, StringComparer.Ordinal))
            throw new SearchRefusedException($"unknown strategy '{request.Strategy}'; known: {string.Join(", ", Strategies.SearchStrategies.Names)}.");
        if (request.Budget < 1)
            throw new SearchRefusedException($"the budget is at least 1 evaluation per fold, not {request.Budget}.");
        var constraints = OfflineMetricNames.Constraints(request.Constraints ?? [], metrics);
        var space = SearchSpace.Build(catalog, request.Space ?? [], reads);
        var conversations = Chosen(request.Conversations, available);
        var folds = request.Folds ?? conversations.Count;
        if (folds < 2 || folds > conversations.Count)
            throw new SearchRefusedException(
                $"folds must be between 2 and the number of conversations ({conversations.Count}), not {folds}: each fold holds out at least one conversation.");
        var parameters = Parameters.Merge(Catalog.Defaults(catalog), baseParameters);
        return new SearchPlan(request.Strategy, objective, constraints, space, request.Seed, request.Budget, request.Halving, conversations,
            Split(conversations, folds), parameters);
    }

    private static List<(string Id, int Questions)> Chosen(IReadOnlyList<string>? wanted, IReadOnlyList<(string Id, int Questions)> all)
    {
        if (wanted is { Count: > 0 })
        {
            var unknown = wanted.Where(id => !all.Any(c => c.Id == id)).ToList();
            if (unknown.Count > 0)
                throw new SearchRefusedException($"unknown conversation(s) {string.Join(", ", unknown)}; the dataset has: {string.Join(", ", all.Select(c => c.Id))}.");
        }
        var chosen = all.Where(c => wanted is not { Count: > 0 } || wanted.Contains(c.Id, StringComparer.Ordinal)).Where(c => c.Questions > 0).ToList();
        if (chosen.Count == 0)
            throw new SearchRefusedException("the dataset holds no conversation with a question that has evidence: there is nothing to score.");
        return chosen;
    }

    /// <summary>Contiguous blocks in dataset order: fold f holds out conversations [f·n/k, (f+1)·n/k).</summary>
    private static List<IReadOnlyList<string>> Split(List<(string Id, int Questions)> conversations, int folds) =>
        [.. Enumerable.Range(0, folds).Select(f => (IReadOnlyList<string>)[.. conversations
            .Skip(f * conversations.Count / folds).Take((f + 1) * conversations.Count / folds - f * conversations.Count / folds).Select(c => c.Id)])];
}
