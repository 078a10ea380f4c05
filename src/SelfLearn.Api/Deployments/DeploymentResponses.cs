using System.Text.Json;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Api.Deployments;

/// <summary>What a configuration write returns: the version it concerns, the active one after it, and the stream version to send next time.</summary>
public sealed record ConfigWriteResponse(
    string DeploymentId,
    int ConfigVersion,
    int? ActiveVersion,
    long StreamVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    IReadOnlyList<ParameterChange> Changes);

/// <summary>A configuration at one point: which version, and since when until when it was active (when known).</summary>
public sealed record ConfigSnapshot(
    string DeploymentId,
    int ConfigVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    int? Activation,
    string Source);
