using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Configuration;

/// <summary>
/// A pin belongs to a version, not to a moment: while the pinned version is the active one, no automatic rule rolls it
/// back (an alert says so instead). Activating or rolling back to another version leaves the pin in place, so the
/// version is protected again whenever it comes back; a person may still roll it back by hand. One pin per deployment.
/// </summary>
public static class PinVersion
{
    /// <summary>Whether the active version is the pinned one, which no automatic rule may roll back (it raises an alert instead).</summary>
    public static bool ProtectsActive(Deployment deployment) =>
        deployment.PinnedVersion is { } pinned && pinned == deployment.ActiveVersion;

    /// <summary>Pins <paramref name="version"/>, or the active version when none is named.</summary>
    public static Decision Decide(Deployment deployment, int? version, string reason, string by)
    {
        var target = version ?? deployment.ActiveVersion;
        if (target is null)
            return Decision.Refuse($"deployment '{deployment.Id}' has no active version to pin; name one with version.");
        if (target < 1 || target > deployment.LatestConfigVersion)
            return Decision.Reject([new Violation("version", ViolationRule.UnknownVersion, $"deployment '{deployment.Id}' has no version {target}.")]);
        if (deployment.PinnedVersion == target)
            return Decision.Refuse($"version {target} of deployment '{deployment.Id}' is already pinned.");
        if (deployment.PinnedVersion is { } pinned)
            return Decision.Refuse($"version {pinned} of deployment '{deployment.Id}' is pinned; unpin it before pinning version {target}.");
        return Decision.Accept(new VersionPinned(deployment.Id, target.Value, reason, by));
    }
}
