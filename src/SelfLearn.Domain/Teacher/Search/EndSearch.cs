using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Search;

/// <summary>
/// Only a running search ends, once: completed with its result (the count of trials it recorded, finite figures, the
/// chosen trial among them) or abandoned with a reason. Its trials stay on record either way.
/// </summary>
public static class EndSearch
{
    public static Decision Complete(string searchId, SearchSummary? search, SearchCompleted completed)
    {
        if (Running(searchId, search) is { } refused)
            return refused;
        var violations = new List<Violation>();
        if (completed.SearchId != searchId)
            violations.Add(ProposalRules.Invalid("searchId", $"the result belongs to search '{ProposalRules.Short(completed.SearchId ?? "")}', not '{searchId}'."));
        violations.AddRange(Outcome(completed.Best, "best", search!.Evaluations));
        violations.AddRange(Outcome(completed.Baseline, "baseline", search.Evaluations));
        if (completed.Evaluations != search.Evaluations)
            violations.Add(ProposalRules.Invalid("evaluations", $"'evaluations' is {completed.Evaluations}, but search '{searchId}' recorded {search.Evaluations} trials."));
        if (!double.IsFinite(completed.ElapsedMs) || completed.ElapsedMs < 0)
            violations.Add(ProposalRules.Invalid("elapsedMs", "'elapsedMs' is a finite number of milliseconds, at least 0."));
        return violations.Count > 0 ? Decision.Reject(violations) : Decision.Accept(completed);
    }

    public static Decision Abandon(string searchId, SearchSummary? search, SearchAbandoned abandoned)
    {
        if (Running(searchId, search) is { } refused)
            return refused;
        var violations = new List<Violation>(ProposalRules.Text(abandoned.Reason, "reason"));
        if (abandoned.SearchId != searchId)
            violations.Add(ProposalRules.Invalid("searchId", $"the reason belongs to search '{ProposalRules.Short(abandoned.SearchId ?? "")}', not '{searchId}'."));
        return violations.Count > 0 ? Decision.Reject(violations) : Decision.Accept(abandoned);
    }

    private static Decision? Running(string searchId, SearchSummary? search) => search switch
    {
        null => Decision.Refuse($"no search '{ProposalRules.Short(searchId)}'."),
        { Status: not SearchStatus.Running } => Decision.Refuse($"search '{searchId}' is {search.Status}: it cannot end again."),
        _ => null,
    };

    private static IEnumerable<Violation> Outcome(SearchOutcome? outcome, string key, int trials)
    {
        if (outcome is null)
        {
            yield return ProposalRules.Invalid(key, $"'{key}' is the configuration's parameters and figures.");
            yield break;
        }
        if (outcome.Parameters is null)
            yield return ProposalRules.Invalid($"{key}.parameters", $"'{key}.parameters' maps factors to values.");
        foreach (var violation in SearchRules.Finite(outcome.Objective, $"{key}.objective").Concat(SearchRules.Finite(outcome.OutOfFold, $"{key}.outOfFold")))
            yield return violation;
        if (outcome.Trial is { } trial && (trial < 1 || trial > trials))
            yield return ProposalRules.Invalid($"{key}.trial", $"'{key}.trial' is one of the {trials} recorded trials.");
    }
}
