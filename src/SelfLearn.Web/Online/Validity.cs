namespace SelfLearn.Web.Online;

public sealed record PredictedMetricRow(string Metric, double PredictedDelta, double? PredictedRelative, long BeforeN, double Before, long AfterN, double After,
    double ObservedDelta, double? ObservedRelative, bool DirectionAgrees);

public sealed record Agreement(int Pairs, int Agreeing, double? DirectionAgreement, double? Correlation);

public sealed record Observation(string DeploymentId, int Activation, int ConfigVersion, int PreviousVersion, string ExperimentId, string VerdictId,
    string? GoalId, string? CycleId, DateTimeOffset ActiveSince, int SpanMinutes, List<PredictedMetricRow> Metrics, Agreement Running);

/// <summary>GET /api/online/validity?deploymentId=.</summary>
public sealed record ValidityAnswer(List<Observation> Observations, Agreement Running);
