namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>A two-sided interval; <c>Level</c> is 1 − alpha.</summary>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level)
{
    public bool Contains(double value) => Lower <= value && value <= Upper;
}
