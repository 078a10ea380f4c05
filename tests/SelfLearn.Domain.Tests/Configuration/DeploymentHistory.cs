using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Approvals;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Configuration;

/// <summary>Deployment histories for the deciders' tests, folded by the aggregate itself.</summary>
internal static class DeploymentHistory
{
    public static Deployment Given(params object[] events) => Deployment.Replay(events, Now)!;

    public static object[] Opened() =>
        [.. OpenDeployment.Decide("default", false, Default, "seed", "test").Events];

    public static ConfigVersionCreated NewVersion(Deployment d, string key, string raw, Approval? approval = null) =>
        CreateVersion.Decide(d, Default, Runnable, d.ActiveVersion!.Value, d.ActiveParameters, Map((key, raw)),
            "try", "teacher", "test", new ChangeLinks(ApprovalId: approval?.ApprovalId), approval).Events.OfType<ConfigVersionCreated>().Single();

    /// <summary>An approval of "rec-1"'s change set on "default", folded by the aggregate: requested, then approved.</summary>
    public static Approval Approved(string id, params (string Key, string Raw)[] changes) => Requested(id, changes).Apply(new ApprovalGranted(id, "looks right", "meta"), Now);

    public static Approval Requested(string id, params (string Key, string Raw)[] changes) =>
        Approval.Create(new ApprovalRequested(id, "rec-1", "default", 1, Map(changes), "manual zone", "manager"), Now);
}
