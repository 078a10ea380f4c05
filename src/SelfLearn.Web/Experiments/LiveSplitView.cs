namespace SelfLearn.Web.Experiments;

/// <summary>What <c>GET /api/experiments/{id}/live-split</c> serves: an online experiment's split, window by window, with its χ² check.</summary>
public sealed record LiveSplitView(string ExperimentId, int WindowSeconds, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<SplitWindowView> Windows);

public sealed record SplitWindowView(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<SplitVariantView> Variants, long TotalUnits,
    double? ChiSquare, int DegreesOfFreedom, double? P, bool Mismatch);

public sealed record SplitVariantView(string Variant, long Units, double PlannedShare);
