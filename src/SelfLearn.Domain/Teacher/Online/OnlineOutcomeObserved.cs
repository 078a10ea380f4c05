namespace SelfLearn.Domain.Teacher.Online;

/// <summary>
/// One metric an activation's offline verdict predicted (treatment − baseline, on all examples) and what live traffic
/// then showed: the mean of the previous version's live windows before the activation and of the new version's after it.
/// </summary>
public sealed record PredictedMetric(string Metric, double PredictedDelta, double? PredictedRelative, long BeforeN, double Before, long AfterN, double After)
{
    public double ObservedDelta => After - Before;

    /// <summary>The observed change as a share of the value before; null when that was 0.</summary>
    public double? ObservedRelative => Before != 0 ? (After - Before) / Math.Abs(Before) : null;

    /// <summary>Both moved the same way (or neither moved).</summary>
    public bool DirectionAgrees => Math.Sign(PredictedDelta) == Math.Sign(ObservedDelta);
}

/// <summary>
/// The offline→online validity of the emulator so far, over every predicted metric of every observed activation:
/// the share whose direction agreed, and Pearson's correlation of predicted and observed relative changes (null below
/// three pairs with both, or when either side does not vary).
/// </summary>
public sealed record RunningAgreement(int Pairs, int Agreeing, double? DirectionAgreement, double? Correlation);

/// <summary>
/// An activation that came from an offline verdict, checked against live traffic once its version had run for the
/// observation span: the prediction next to the observation per metric, and the running agreement including it.
/// Stream <c>online-validity:&lt;deployment&gt;</c>, one event per activation.
/// </summary>
public sealed record OnlineOutcomeObserved(
    string DeploymentId,
    int Activation,
    int ConfigVersion,
    int PreviousVersion,
    string ExperimentId,
    string VerdictId,
    string? GoalId,
    string? CycleId,
    DateTimeOffset ActiveSince,
    int SpanMinutes,
    IReadOnlyList<PredictedMetric> Metrics,
    RunningAgreement Running)
{
    public static string StreamKey(string deploymentId) => $"online-validity:{deploymentId}";
}

/// <summary>The activations of one deployment already observed, so each is observed once.</summary>
public sealed record OnlineValidity(IReadOnlyList<int> Activations);
