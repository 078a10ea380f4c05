using System.Text.Json;
using SelfLearn.Web.Api;

namespace SelfLearn.Web.Online;

/// <summary>One event of GET /api/deployments/{id}/events.</summary>
public sealed record DeploymentEvent(long Sequence, long Version, Guid Id, string Type, DateTimeOffset Timestamp, JsonElement Data);

/// <summary>The figures an automatic rollback carries: the rule, the activation it undid, the baseline and the firing windows.</summary>
public sealed record RollbackEvidence(string Rule, RuleShape Condition, int Activation, int ConfigVersion, DateTimeOffset ActiveSince, BaselineRow? Baseline,
    List<JudgedWindow> Windows);

/// <summary>A <c>config_rolled_back</c> event's data, and where it sits in the deployment's stream.</summary>
public sealed record Rollback(long Sequence, long StreamVersion, DateTimeOffset At, int FromVersion, int ToVersion, int Activation, string Reason, string By,
    string? Rule, RollbackEvidence? Evidence)
{
    public const string EventType = "config_rolled_back";

    private sealed record Data(int FromVersion, int ToVersion, int Activation, string Reason, string By, string? Rule, RollbackEvidence? Evidence);

    public static Rollback Of(DeploymentEvent e)
    {
        var data = e.Data.Deserialize<Data>(SelfLearnApi.Json)!;
        return new Rollback(e.Sequence, e.Version, e.Timestamp, data.FromVersion, data.ToVersion, data.Activation, data.Reason, data.By, data.Rule, data.Evidence);
    }
}
