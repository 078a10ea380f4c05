namespace SelfLearn.Domain.Tuner;

/// <summary>Caps on factor definitions and values (docs/API.md, "Limits"), so no number overflows and no list grows unbounded.</summary>
public static class FactorLimits
{
    /// <summary>Bounds, steps and numeric values lie within ± this; it also fits an int factor into 32 bits.</summary>
    public const decimal MaxMagnitude = 1_000_000_000m;

    public const int MaxAllowedValues = 100;

    public const int MaxAllowedValueLength = 200;
}
