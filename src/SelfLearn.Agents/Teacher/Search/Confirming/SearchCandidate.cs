using System.Text.Json;
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
    IReadOnlyList<SearchConstraint> Constraints);
