using SelfLearn.Agents.Emulator.Library;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// One scenario set: a cold HTTP pass, then warm passes over HTTP and in process (the baseline), interleaved so that
/// load from other work on the machine hits both alike. <see cref="Ratio"/> = HTTP / in-process, in dialogs/s.
/// </summary>
internal sealed record SetResult(
    string Name,
    string Source,
    int Scenarios,
    int PlannedDialogs,
    int PlannedRequests,
    PassResult Cold,
    IReadOnlyList<PassResult> Warm,
    IReadOnlyList<PassResult> InProcess)
{
    public bool IsLibrary => Name == ScenarioLibrary.SetName;

    public Rates WarmMedian => Rates.Median(Warm);

    public Rates InProcessMedian => Rates.Median(InProcess);

    public double Ratio => Stats.Round(WarmMedian.DialogsPerSecond / InProcessMedian.DialogsPerSecond, 2);

    public double ColdOverWarm => Stats.Round(Cold.Rates.DialogsPerSecond / WarmMedian.DialogsPerSecond, 2);

    /// <summary>The warm pass whose time is the median, for CPU split and stage times.</summary>
    public PassResult MedianWarm => Warm.OrderBy(p => p.Seconds).ElementAt(Warm.Count / 2);

    public PassResult MedianInProcess => InProcess.OrderBy(p => p.Seconds).ElementAt(InProcess.Count / 2);
}
