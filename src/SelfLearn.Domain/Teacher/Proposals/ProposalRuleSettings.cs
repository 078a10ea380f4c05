namespace SelfLearn.Domain.Teacher.Proposals;

/// <summary>
/// The thresholds and step sizes of the Teacher's rules (docs/TEACHER.md, "Hypotheses and recommendations"). A rule
/// reads only observations resting on at least <see cref="MinCount"/> examples.
/// </summary>
public sealed record ProposalRuleSettings
{
    public static ProposalRuleSettings Default { get; } = new();

    public long MinCount { get; init; } = 30;

    /// <summary>low-multi-hop-recall: delivered recall on <c>kind:multi-hop</c> below this.</summary>
    public double MultiHopRecallBelow { get; init; } = 0.6;

    /// <summary>wrong-abstentions: share of answerable questions abstained on, above this.</summary>
    public double WrongAbstentionAbove { get; init; } = 0.1;

    /// <summary>imprecise-context: delivered precision below this while delivered recall is at least <see cref="RecallAtLeast"/>.</summary>
    public double PrecisionBelow { get; init; } = 0.3;

    public double RecallAtLeast { get; init; } = 0.8;

    /// <summary>costly-context: p95 total latency, cost or prompt tokens per request above these.</summary>
    public double LatencyAboveMs { get; init; } = 2000;

    public double CostAboveUsd { get; init; } = 0.01;

    public double TokensInAbove { get; init; } = 3000;

    public decimal RaiseNeighborWeightBy { get; init; } = 0.1m;

    public decimal RaiseTopKBy { get; init; } = 2;

    public decimal LowerMinScoreBy { get; init; } = 0.05m;

    public decimal LowerTopKBy { get; init; } = 1;

    /// <summary>costly-context proposes this share of the current token budget, rounded down onto the factor's step.</summary>
    public decimal MaxTokensShare { get; init; } = 0.75m;

    /// <summary>winner-verdict: each significantly improved metric may get this much worse (a share) for this many windows before a rollback.</summary>
    public double RollbackMaxDrop { get; init; } = 0.1;

    public int RollbackWindows { get; init; } = 3;
}
