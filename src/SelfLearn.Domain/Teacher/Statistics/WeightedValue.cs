namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// One distinct value of a sample and how often it occurred: the distribution of a skewed metric as SQL can store it
/// (e.g. latency rounded to the millisecond, grouped and counted), so a bootstrap can be recomputed from aggregates.
/// </summary>
public sealed record WeightedValue(double Value, long Count);
