namespace SelfLearn.Web.Overview;

public sealed record ExperimentSummary(string ExperimentId, string DeploymentId, string? Description, string Status, DateTimeOffset RegisteredAt);

public sealed record AlertSummary(string AlertId, string Kind, string? DeploymentId, string? Subject, string Message, DateTimeOffset RaisedAt);

public sealed record VerdictSummary(string ExperimentId, string VerdictId, string By, VerdictResult Result);

public sealed record VerdictResult(IReadOnlyList<TreatmentCall> Treatments);

public sealed record TreatmentCall(string Variant, string Call);
