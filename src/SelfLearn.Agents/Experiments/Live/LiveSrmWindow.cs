namespace SelfLearn.Agents.Experiments.Live;

/// <summary>Distinct assignment units one variant served in a window, next to the share the design planned for it.</summary>
public sealed record LiveVariantUnits(string Variant, long Units, double PlannedShare);

/// <summary>
/// The sample-ratio check of one window [<see cref="Start"/>, <see cref="End"/>) of an online experiment's live runs:
/// Pearson's χ² of the units per variant against the planned shares. With no unit in the window there is nothing to
/// test: <see cref="ChiSquare"/> and <see cref="P"/> are null and <see cref="Mismatch"/> is false.
/// </summary>
public sealed record LiveSrmWindow(
    string ExperimentId,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<LiveVariantUnits> Variants,
    long TotalUnits,
    double? ChiSquare,
    int DegreesOfFreedom,
    double? P,
    bool Mismatch);
