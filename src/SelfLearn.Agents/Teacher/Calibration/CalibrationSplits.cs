using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Teacher.Calibration;

/// <summary>The items of one split of a calibration set.</summary>
public sealed record CalibrationSplit(string Name, IReadOnlyList<CalibrationItem> Items)
{
    public string About => CalibrationSplits.About(Name);
}

/// <summary>
/// A calibration file says which split it belongs to (data/judge-calibration/README.md). A judge tuned on some items
/// grades itself there; only its figures on items it was not tuned on are an honest measure, so splits are reported
/// apart and never pooled.
/// </summary>
public static partial class CalibrationSplits
{
    public const string Tuning = "tuning";
    public const string HeldOut = "held-out";
    public const string Unsplit = "unsplit";

    /// <summary>Tuning, then held-out, then other names in ordinal order, then the items of files that name no split.</summary>
    public static IComparer<string> Order { get; } = Comparer<string>.Create((a, b) =>
        Rank(a) != Rank(b) ? Rank(a).CompareTo(Rank(b)) : string.CompareOrdinal(a, b));

    public static string About(string split) => split switch
    {
        Tuning => "the items the offline judge's rules were tuned on: optimistic for it",
        HeldOut => "items no judge was tuned on: the honest figure",
        Unsplit => "items of files that name no split",
        _ => "items of files that name this split",
    };

    public static bool IsValidName(string name) => SplitName().IsMatch(name);

    private static int Rank(string split) => split switch { Tuning => 0, HeldOut => 1, Unsplit => 3, _ => 2 };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex SplitName();
}
