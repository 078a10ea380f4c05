using Marten;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Agents.Teacher.Evaluation;

/// <summary>The latest verdict of an experiment recomputed from its stored input alone; no difference means it reproduced exactly.</summary>
public sealed record RecomputeReport(string ExperimentId, string VerdictId, bool Reproduced, IReadOnlyList<string> Differences);

/// <summary>Re-runs the decider on the aggregates stored in the verdict event (no telemetry is read) and compares the results.</summary>
public sealed class RecomputeVerdict(IDocumentStore store)
{
    /// <exception cref="EvaluationRefusedException">No verdict has been recorded for the experiment.</exception>
    public async Task<RecomputeReport> RunAsync(string experimentId, CancellationToken ct)
    {
        var stored = await LatestVerdict.LoadAsync(store, experimentId, ct)
                     ?? throw new EvaluationRefusedException(EvaluationRefusal.NoVerdict, $"experiment '{experimentId}' has no verdict: evaluate it first.");
        IReadOnlyList<string> differences;
        try
        {
            differences = VerdictDifferences.Between(stored.Result, VerdictDecider.Evaluate(stored.Input));
        }
        catch (ArgumentException e)
        {
            differences = [$"the stored aggregates cannot be recomputed: {e.Message}"];
        }
        return new RecomputeReport(experimentId, stored.VerdictId, differences.Count == 0, differences);
    }
}
