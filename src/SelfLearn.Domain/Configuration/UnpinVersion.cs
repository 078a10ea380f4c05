using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Configuration;

/// <summary>Lifts the deployment's pin: automatic rollback rules apply to that version again.</summary>
public static class UnpinVersion
{
    public static Decision Decide(Deployment deployment, string reason, string by) =>
        deployment.PinnedVersion is { } pinned
            ? Decision.Accept(new VersionUnpinned(deployment.Id, pinned, reason, by))
            : Decision.Refuse($"no version of deployment '{deployment.Id}' is pinned.");
}
