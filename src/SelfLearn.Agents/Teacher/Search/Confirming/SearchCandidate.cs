using System.Text.Json;
using SelfLearn.Agents.Teacher.Search.Recording;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search.Confirming;

/// <summary>
/// What a search screened: its best configuration (the searched keys only) found on the deployment's
/// <see cref="BaseVersion"/>, and how it and the base did on conversations the search did not tune on.
/// </summary>
public sealed record SearchCandidate(
    string SearchId,
    string DeploymentId,
    int BaseVersion,
    string Objective,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    double OutOfFold,
    double BaselineOutOfFold,
    IReadOnlyList<SearchConstraint> Constraints)
{
    /// <summary>The chosen configuration of a recorded search and the base configuration's figures on the same folds.</summary>
    /// <exception cref="ArgumentException">The search started from no deployment version, so there is nothing to compare against.</exception>
    public static SearchCandidate From(RecordedSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.DeploymentId is not { } deployment || search.BaseVersion is not { } version)
            throw new ArgumentException($"search {search.SearchId} started from the catalog defaults, not from a deployment's active version: nothing to confirm against.");
        var report = search.Report;
        return new SearchCandidate(search.SearchId, deployment, version, report.Objective, report.Best.Params, report.Best.OutOfFold,
            report.Baseline.OutOfFold, search.Plan.Constraints);
    }
}
