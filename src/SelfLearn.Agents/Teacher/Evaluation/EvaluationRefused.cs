namespace SelfLearn.Agents.Teacher.Evaluation;

public enum EvaluationRefusal
{
    UnknownExperiment,
    WrongStatus,
    NoData,
    NoVerdict,
}

/// <summary>An evaluation or recompute that cannot run; nothing was appended. The message speaks to the caller.</summary>
public sealed class EvaluationRefusedException(EvaluationRefusal reason, string message) : Exception(message)
{
    public EvaluationRefusal Reason { get; } = reason;
}
