using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Search;

/// <summary>
/// Trials are appended to a running search in order: each carries the next number, parameters of searched factors
/// inside the space, finite figures named by the registry, a fold of the search and conversations of its dataset.
/// A number that is not the next one means another writer got there first: a conflict, and nothing is appended.
/// </summary>
public static class RecordSearchTrials
{
    public const int MaxBatch = 1000;

    public static Decision Decide(string searchId, SearchSummary? search, IReadOnlyList<SearchTrialRecorded> trials)
    {
        if (trials is not { Count: > 0 and <= MaxBatch })
            return Decision.Reject([ProposalRules.Invalid("trials", $"a batch holds 1 to {MaxBatch} trials.")]);
        if (search is null)
            return Decision.Refuse($"no search '{ProposalRules.Short(searchId)}'.");
        if (search.Status != SearchStatus.Running)
            return Decision.Refuse($"search '{searchId}' is {search.Status}: it records no more trials.");

        var violations = trials.SelectMany((trial, i) => Check(search, trial, trials.Count == 1 ? "trial" : $"trials[{i}]")).ToList();
        if (violations.Count > 0)
            return Decision.Reject(violations);
        for (var i = 0; i < trials.Count; i++)
            if (trials[i].Number != search.Evaluations + 1 + i)
                return Decision.Refuse(
                    $"search '{searchId}' has {search.Evaluations + i} trials, so the next is number {search.Evaluations + 1 + i}, not {trials[i].Number}: another writer may have recorded it.");
        return Decision.Accept([.. trials]);
    }

    private static IEnumerable<Violation> Check(SearchSummary search, SearchTrialRecorded trial, string at)
    {
        if (trial is null)
        {
            yield return ProposalRules.Invalid(at, $"{at} is a trial, not null.");
            yield break;
        }
        if (trial.SearchId != search.SearchId)
            yield return ProposalRules.Invalid($"{at}.searchId", $"{at} belongs to search '{ProposalRules.Short(trial.SearchId ?? "")}', not '{search.SearchId}'.");
        foreach (var violation in SearchRules.InsideSpace(trial.Parameters, search.Space, $"{at}.parameters"))
            yield return violation;
        foreach (var violation in SearchRules.Finite(trial.Objective, $"{at}.objective"))
            yield return violation;
        if (trial.Metrics is null)
            yield return ProposalRules.Invalid($"{at}.metrics", $"{at}.metrics maps registry metrics to their values (empty when none).");
        foreach (var violation in SearchRules.Metrics(trial.Metrics, $"{at}.metrics"))
            yield return violation;
        if (!double.IsFinite(trial.ElapsedMs) || trial.ElapsedMs < 0)
            yield return ProposalRules.Invalid($"{at}.elapsedMs", $"{at}.elapsedMs is a finite number of milliseconds, at least 0.");
        if (search.Folds == SearchRules.NoCrossValidation ? trial.Fold is not null : trial.Fold is not { } fold || fold < 1 || fold > search.Folds)
            yield return ProposalRules.Invalid($"{at}.fold", search.Folds == SearchRules.NoCrossValidation
                ? $"search '{search.SearchId}' has no cross-validation: a trial names no fold."
                : $"{at}.fold is one of the search's folds, 1 to {search.Folds}.");
        foreach (var violation in Scope(search, trial, at))
            yield return violation;
    }

    private static IEnumerable<Violation> Scope(SearchSummary search, SearchTrialRecorded trial, string at)
    {
        if (trial.Conversations is not { Count: > 0 } conversations)
            yield return ProposalRules.Invalid($"{at}.conversations", $"{at} was scored on at least one conversation.");
        else if (conversations.FirstOrDefault(c => !search.Dataset.Conversations.Contains(c, StringComparer.Ordinal)) is { } unknown)
            yield return ProposalRules.Invalid($"{at}.conversations",
                $"conversation '{ProposalRules.Short(unknown ?? "")}' is not in the search's dataset '{search.Dataset.Name}'.");
        if (trial.Questions < 1 || trial.Questions > search.Dataset.Questions)
            yield return ProposalRules.Invalid($"{at}.questions", $"{at} was scored on 1 to {search.Dataset.Questions} questions (the dataset's).");
    }
}
