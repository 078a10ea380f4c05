namespace SelfLearn.Domain.Teacher.Proposals;

/// <summary>Caps on what a hypothesis or recommendation may hold (docs/API.md, "Limits"), whoever wrote it.</summary>
public static class ProposalLimits
{
    public const int MaxText = 2000;
    public const int MaxEvidence = 50;
    public const int MaxEvidenceLength = 200;
    public const int MaxEffects = 20;
    public const int MaxChanges = 20;
    public const int MaxValues = 10;
    public const int MaxObservations = 50;
    public const int MaxRollbackConditions = 10;
}
