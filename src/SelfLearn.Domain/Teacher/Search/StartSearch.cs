using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Search;

/// <summary>
/// A search is recorded only with a shape an auditor can trust: a known strategy, registry metrics, a space of factors
/// the Tuner may change on its own (zone auto) inside the catalog's bounds, a budget, folds, a dataset and the base
/// parameters every trial starts from. A second start of the same id is a conflict.
/// </summary>
public static class StartSearch
{
    public static Decision Decide(SearchStarted started, bool exists, IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        var violations = new List<Violation>(ProposalRules.Id(started.SearchId ?? ""));
        if (!SearchRules.Strategies.Contains(started.Strategy, StringComparer.Ordinal))
            violations.Add(ProposalRules.Invalid("strategy", $"'strategy' is one of: {string.Join(", ", SearchRules.Strategies)}."));
        violations.AddRange(SearchRules.Metric(started.Objective, "objective"));
        violations.AddRange(Constraints(started.Constraints));
        violations.AddRange(SearchSpace.Check(started.Space, catalog));
        if (started.Budget < 1)
            violations.Add(ProposalRules.Invalid("budget", "'budget' is at least 1 evaluation."));
        violations.AddRange(Dataset(started.Dataset));
        if (started.Folds != SearchRules.NoCrossValidation && (started.Folds < 2 || started.Folds > (started.Dataset?.Conversations?.Count ?? 0)))
            violations.Add(ProposalRules.Invalid("folds",
                $"'folds' is {SearchRules.NoCrossValidation} (no cross-validation) or 2 to the number of conversations ({started.Dataset?.Conversations?.Count ?? 0})."));
        violations.AddRange(BaseParameters(started, catalog));
        violations.AddRange(ProposalRules.Text(started.StartedBy, "startedBy"));

        if (violations.Count > 0)
            return Decision.Reject(violations);
        return exists ? Decision.Refuse($"search '{started.SearchId}' already exists.") : Decision.Accept(started);
    }

    private static IEnumerable<Violation> Constraints(IReadOnlyList<SearchConstraint>? constraints)
    {
        if (constraints is null)
        {
            yield return ProposalRules.Invalid("constraints", "'constraints' is a list (empty when nothing is constrained).");
            yield break;
        }
        if (constraints.Count > SearchRules.MaxConstraints)
        {
            yield return ProposalRules.Invalid("constraints", $"'constraints' holds at most {SearchRules.MaxConstraints} metrics.");
            yield break;
        }
        for (var i = 0; i < constraints.Count; i++)
        {
            var key = $"constraints[{i}]";
            foreach (var violation in SearchRules.Metric(constraints[i]?.Metric, $"{key}.metric"))
                yield return violation;
            if (constraints[i] is not { } constraint)
                continue;
            if (constraint is { Min: null, Max: null })
                yield return ProposalRules.Invalid(key, $"{key} sets a 'min', a 'max' or both.");
            else if (!double.IsFinite(constraint.Min ?? 0) || !double.IsFinite(constraint.Max ?? 0))
                yield return ProposalRules.Invalid(key, $"{key} has finite bounds.");
            else if (constraint.Min > constraint.Max)
                yield return ProposalRules.Invalid(key, $"{key} has 'min' ≤ 'max'.");
        }
        foreach (var repeated in constraints.Where(c => c?.Metric is not null).GroupBy(c => c.Metric, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return ProposalRules.Invalid("constraints", $"metric '{ProposalRules.Short(repeated.Key)}' is constrained more than once.");
    }

    private static IEnumerable<Violation> Dataset(SearchDataset? dataset)
    {
        if (dataset is null)
        {
            yield return ProposalRules.Invalid("dataset", "'dataset' names the data the search is scored on.");
            yield break;
        }
        foreach (var violation in ProposalRules.Text(dataset.Name, "dataset.name"))
            yield return violation;
        if (dataset.Sha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigitLower))
            yield return ProposalRules.Invalid("dataset.sha256", "'dataset.sha256' is the file's SHA-256 in 64 lower-case hex digits.");
        if (dataset.Conversations is not { Count: > 0 } conversations)
            yield return ProposalRules.Invalid("dataset.conversations", "the dataset holds at least one conversation.");
        else if (conversations.Any(string.IsNullOrWhiteSpace) || conversations.Distinct(StringComparer.Ordinal).Count() != conversations.Count)
            yield return ProposalRules.Invalid("dataset.conversations", "each conversation is named once.");
        if (dataset.Questions < 1)
            yield return ProposalRules.Invalid("dataset.questions", "the dataset holds at least one question.");
    }

    private static IEnumerable<Violation> BaseParameters(SearchStarted started, IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        if (started.BaseParameters is not { Count: > 0 } parameters)
        {
            yield return ProposalRules.Invalid("baseParameters", "'baseParameters' are the full parameters every trial starts from.");
            yield break;
        }
        foreach (var range in started.Space ?? [])
            if (range?.Key is not null && catalog.ContainsKey(range.Key) && !parameters.ContainsKey(range.Key))
                yield return ProposalRules.Invalid($"baseParameters.{ProposalRules.Short(range.Key)}",
                    $"'baseParameters' has no value for the searched factor {ProposalRules.Short(range.Key)}.");
    }
}
