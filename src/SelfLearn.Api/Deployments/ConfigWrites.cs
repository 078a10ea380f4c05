using System.Text.Json;
using SelfLearn.Agents.Tuner;
using SelfLearn.Api.Errors;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Api.Deployments;

/// <summary>What every configuration write sends besides its own fields: why, the ids behind it, and the stream version it read.</summary>
public interface IConfigWriteRequest
{
    string? Reason { get; }

    string? GoalId { get; }

    string? ExperimentId { get; }

    string? RecommendationId { get; }

    string? ApprovalId { get; }

    long? ExpectedVersion { get; }
}

/// <summary>What a configuration write returns: the version it concerns, the active one after it, and the stream version to send next time.</summary>
public sealed record ConfigWriteResponse(
    string DeploymentId,
    int ConfigVersion,
    int? ActiveVersion,
    long StreamVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    IReadOnlyList<ParameterChange> Changes);

public static class ConfigWrites
{
    public static ChangeLinks LinksOf(IConfigWriteRequest request) =>
        new(request.GoalId, request.ExperimentId, request.RecommendationId, request.ApprovalId);

    /// <summary>The 400 for a missing reason, then for the route's own fields, then for an unstorable link; or null.</summary>
    public static IResult? Invalid(IConfigWriteRequest request, IResult? ownFields = null) =>
        Require.Text(request.Reason, "reason") ?? ownFields ?? Require.Links(LinksOf(request));

    /// <summary>
    /// The refusal, or the response: a created version is the version concerned (and the parameters and changes
    /// against its parent); an activation or rollback, which may come with it, sets the active version.
    /// </summary>
    public static IResult Respond(TunerOutcome outcome, Func<ConfigWriteResponse, string>? createdAt = null)
    {
        if (Problems.Refusal(outcome) is { } refused)
            return refused;
        var created = outcome.Events.OfType<ConfigVersionCreated>().SingleOrDefault();
        var (deploymentId, active, parameters, changes) = outcome.Events.Select(e => e switch
        {
            ConfigVersionActivated a => (a.DeploymentId, (int?)a.ConfigVersion, a.Parameters, a.Changes),
            ConfigRolledBack r => (r.DeploymentId, (int?)r.ToVersion, r.Parameters, r.Changes),
            _ => default,
        }).SingleOrDefault(change => change.DeploymentId is not null);
        var response = created is null
            ? new ConfigWriteResponse(deploymentId, active!.Value, active, outcome.StreamVersion, parameters, changes)
            : new ConfigWriteResponse(created.DeploymentId, created.ConfigVersion, active, outcome.StreamVersion, created.Parameters, created.Changes);
        return createdAt is null ? Results.Ok(response) : Results.Created(createdAt(response), response);
    }
}
