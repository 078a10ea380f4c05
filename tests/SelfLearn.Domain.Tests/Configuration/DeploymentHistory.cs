using SelfLearn.Domain.Configuration;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Configuration;

/// <summary>Deployment histories for the deciders' tests, folded by the aggregate itself.</summary>
internal static class DeploymentHistory
{
    public static Deployment Given(params object[] events) => Deployment.Replay(events, Now)!;

    public static object[] Opened() =>
        [.. OpenDeployment.Decide("default", false, Default, "seed", "test").Events];

    public static ConfigVersionCreated NewVersion(Deployment d, string key, string raw, string? approval = null) =>
        (ConfigVersionCreated)CreateVersion.Decide(d, Default, Runnable, d.ActiveVersion!.Value, d.ActiveParameters, Map((key, raw)),
            "try", "teacher", "test", new ChangeLinks(ApprovalId: approval)).Events.Single();
}
