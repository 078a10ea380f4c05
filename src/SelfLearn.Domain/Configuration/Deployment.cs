using System.Text.Json;

namespace SelfLearn.Domain.Configuration;

/// <summary>A new configuration version: the full parameter map, where it came from and why.</summary>
public sealed record ConfigVersionCreated(
    string DeploymentId,
    int ConfigVersion,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    int? ParentVersion,
    IReadOnlyList<ParameterChange> Changes,
    string Reason,
    string Initiator,
    string By,
    ChangeLinks Links);

/// <summary>A version became the active one; carries the parameters and what changed so readers need no other stream.</summary>
public sealed record ConfigVersionActivated(
    string DeploymentId,
    int ConfigVersion,
    int? PreviousVersion,
    int Activation,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    IReadOnlyList<ParameterChange> Changes,
    string Reason,
    string By,
    ChangeLinks Links);

/// <summary>
/// Back to an earlier version; an automatic rollback names the <see cref="Rule"/> that fired and carries its
/// <see cref="Evidence"/> (the windows and figures, docs/DEGRADATION_RULES.md); both are null for a rollback by hand.
/// </summary>
public sealed record ConfigRolledBack(
    string DeploymentId,
    int FromVersion,
    int ToVersion,
    int Activation,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    IReadOnlyList<ParameterChange> Changes,
    string Reason,
    string By,
    string? Rule,
    ChangeLinks Links,
    Teacher.Online.DegradationEvidence? Evidence = null);

/// <summary>The meta-user pinned a version: while it is active, no rule rolls it back automatically (an alert says so instead).</summary>
public sealed record VersionPinned(string DeploymentId, int ConfigVersion, string Reason, string By);

/// <summary>The pin is lifted: automatic rollback rules apply to the version again.</summary>
public sealed record VersionUnpinned(string DeploymentId, int ConfigVersion, string Reason, string By);

/// <summary>One tuned MaaS instance; its stream holds every version, activation and rollback of its configuration.</summary>
public sealed record Deployment(
    string Id,
    long Version,
    int LatestConfigVersion,
    int? ActiveVersion,
    IReadOnlyDictionary<string, JsonElement> ActiveParameters,
    int Activations,
    IReadOnlyList<int> ActivationHistory,
    DateTimeOffset? ActiveSince,
    DateTimeOffset CreatedAt)
{
    /// <summary>The version the meta-user pinned, if any (<see cref="VersionPinned"/>); pinned or not, it can still be rolled back by hand.</summary>
    public int? PinnedVersion { get; init; }

    /// <summary>How many past activations "roll back to the previous version" can walk back through.</summary>
    public const int HistoryDepth = 100;

    public static Deployment Create(ConfigVersionCreated e, DateTimeOffset at) =>
        new(e.DeploymentId, 1, e.ConfigVersion, null, new Dictionary<string, JsonElement>(), 0, [], null, at);

    public Deployment Apply(ConfigVersionCreated e) =>
        this with { Version = Version + 1, LatestConfigVersion = Math.Max(LatestConfigVersion, e.ConfigVersion) };

    public Deployment Apply(ConfigVersionActivated e, DateTimeOffset at) =>
        this with
        {
            Version = Version + 1,
            ActiveVersion = e.ConfigVersion,
            ActiveParameters = e.Parameters,
            Activations = e.Activation,
            ActivationHistory = [.. ActivationHistory.TakeLast(HistoryDepth - 1), e.ConfigVersion],
            ActiveSince = at,
        };

    public Deployment Apply(VersionPinned e) => this with { Version = Version + 1, PinnedVersion = e.ConfigVersion };

    public Deployment Apply(VersionUnpinned e) => this with { Version = Version + 1, PinnedVersion = null };

    public Deployment Apply(ConfigRolledBack e, DateTimeOffset at)
    {
        var history = ActivationHistory.Count >= 2 && ActivationHistory[^2] == e.ToVersion
            ? ActivationHistory.Take(ActivationHistory.Count - 1)
            : ActivationHistory.TakeLast(HistoryDepth - 1).Append(e.ToVersion);
        return this with
        {
            Version = Version + 1,
            ActiveVersion = e.ToVersion,
            ActiveParameters = e.Parameters,
            Activations = e.Activation,
            ActivationHistory = [.. history],
            ActiveSince = at,
        };
    }

    /// <summary>The deployment after <paramref name="events"/>, all stamped <paramref name="at"/>: the fold the projection runs, for code that holds events in memory.</summary>
    public static Deployment? Replay(IEnumerable<object> events, DateTimeOffset at) =>
        events.Aggregate((Deployment?)null, (deployment, e) => (deployment, e) switch
        {
            (null, ConfigVersionCreated created) => Create(created, at),
            (not null, ConfigVersionCreated created) => deployment.Apply(created),
            (not null, ConfigVersionActivated activated) => deployment.Apply(activated, at),
            (not null, ConfigRolledBack rolledBack) => deployment.Apply(rolledBack, at),
            (not null, VersionPinned pinned) => deployment.Apply(pinned),
            (not null, VersionUnpinned unpinned) => deployment.Apply(unpinned),
            _ => throw new ArgumentException($"A deployment stream cannot start with or hold {e.GetType().Name}.", nameof(events)),
        });

    public int? PreviousActiveVersion => ActivationHistory.Count >= 2 ? ActivationHistory[^2] : null;
}
