using Marten;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Agents.Teacher.Evaluation;

/// <summary>
/// The latest verdict of an experiment recomputed from its stored input alone; no difference means it reproduced exactly.
/// <c>Recomputed</c> is null when the stored aggregates cannot be recomputed at all (the one difference says why).
/// </summary>
public sealed record RecomputeReport(string ExperimentId, string VerdictId, bool Reproduced, IReadOnlyList<string> Differences, VerdictResult? Recomputed);

/// <summary>Re-runs the decider on the aggregates stored in the verdict event (no telemetry is read) and compares the results.</summary>
public sealed class RecomputeVerdict(IDocumentStore store)
{
    /// <exception cref="EvaluationRefusedException">An unknown experiment, or one without a recorded verdict.</exception>
    public async Task<RecomputeReport> RunAsync(string experimentId, CancellationToken ct)
    {
        var stored = await LatestVerdict.LoadAsync(store, experimentId, ct) ?? throw await NoVerdictAsync(experimentId, ct);
        VerdictResult? recomputed = null;
        IReadOnlyList<string> differences;
        try
        {
            recomputed = VerdictDecider.Evaluate(stored.Input);
            differences = VerdictDifferences.Between(stored.Result, recomputed);
        }
        catch (ArgumentException e)
        {
            differences = [$"the stored aggregates cannot be recomputed: {e.Message}"];
        }
        return new RecomputeReport(experimentId, stored.VerdictId, differences.Count == 0, differences, recomputed);
    }

    private async Task<EvaluationRefusedException> NoVerdictAsync(string experimentId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Experiment>(Experiment.StreamKey(experimentId), ct) is null
            ? new EvaluationRefusedException(EvaluationRefusal.UnknownExperiment, $"no experiment '{experimentId}'.")
            : new EvaluationRefusedException(EvaluationRefusal.NoVerdict, $"experiment '{experimentId}' has no verdict: evaluate it first.");
    }
}
