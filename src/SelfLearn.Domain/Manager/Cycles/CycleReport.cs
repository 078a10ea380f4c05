using System.Text.Json;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>One tested hypothesis: the change, the verdict's call and every metric it compared.</summary>
public sealed record TestedHypothesis(
    string ExperimentId,
    string HypothesisId,
    string Factor,
    JsonElement From,
    JsonElement To,
    string? VerdictId,
    VerdictCall? Call,
    IReadOnlyList<MetricGain> PrimaryGains,
    IReadOnlyList<MetricGain> SideEffects);

/// <summary>
/// What a cycle did, for the meta-user: what was tested, the winners and the rejected hypotheses (losers, inconclusive,
/// invalid), the gains with their intervals, the side effects that moved significantly, the conflicts resolved, the
/// change made or why none was, the goal's hypothesis map after it (null on reports recorded before the map existed), and
/// the emulator's offline→online agreement as of the report (null before any activation was observed online).
/// </summary>
public sealed record CycleReport(
    string CycleId,
    string GoalId,
    string DeploymentId,
    int BaseVersion,
    IReadOnlyList<TestedHypothesis> Tested,
    IReadOnlyList<string> Winners,
    IReadOnlyList<string> Rejected,
    IReadOnlyList<ConflictResolved> Conflicts,
    CycleChange? Change,
    HypothesisMap? HypothesisMap = null,
    OfflineOnline? OfflineOnline = null);

/// <summary>How well offline verdicts have predicted live traffic so far: over this many observed activations, the running agreement.</summary>
public sealed record OfflineOnline(int Activations, RunningAgreement Running);

public static class CycleReports
{
    /// <summary>The report of an inline goal's cycle: its map is the cycle's own.</summary>
    public static CycleReport Of(Cycle cycle) => Of(cycle, []);

    /// <summary>The report of a recorded goal's cycle: its map also covers the goal's earlier cycles among <paramref name="goalCycles"/>.</summary>
    public static CycleReport Of(Cycle cycle, IReadOnlyList<Cycle> goalCycles, OfflineOnline? offlineOnline = null)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var tested = (cycle.Experiments ?? []).Where(e => e.Skipped is null).Select(e => new TestedHypothesis(e.Plan.ExperimentId, e.Plan.HypothesisId, e.Plan.Factor, e.Plan.From,
            e.Plan.To, e.VerdictId, e.Call, [.. e.Metrics.Where(m => m.Role == MetricRole.Primary)],
            [.. e.Metrics.Where(m => m.Role != MetricRole.Primary && m.Significance != Significance.None)])).ToList();
        return new CycleReport(cycle.CycleId, cycle.GoalId, cycle.DeploymentId, cycle.BaseVersion, tested,
            [.. tested.Where(t => t.Call == VerdictCall.Winner).Select(t => t.HypothesisId)],
            [.. tested.Where(t => t.Call is not VerdictCall.Winner).Select(t => t.HypothesisId)],
            cycle.Conflicts, cycle.Change, HypothesisMaps.Of(cycle, goalCycles), offlineOnline);
    }
}
