using SelfLearn.Agents.Emulator.Running;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>
/// A pass counts only if it played the whole plan without a failure and telemetry holds exactly one pipeline run per
/// query answered, per variant; otherwise the benchmark stops, since its rates would describe something else.
/// </summary>
internal static class PassCheck
{
    public static void EnsureComplete(string pass, SimulationPlan plan, EmulatorResult result, IReadOnlyDictionary<string, long>? stored)
    {
        var problems = new List<string>();
        if (result.Errors.Count > 0)
            problems.Add($"errors: {string.Join(" | ", result.Errors)}");
        foreach (var tally in result.Tallies)
        {
            var runs = plan.Runs.Where(r => r.Variant == tally.Variant).ToList();
            var dialogs = runs.Sum(r => r.Threads.Count);
            var queries = runs.Sum(r => r.Threads.Sum(t => t.Queries.Count));
            var kept = stored?.GetValueOrDefault(tally.Variant);
            if (tally.Failures > 0)
                problems.Add($"variant {tally.Variant}: {tally.Failures} failed requests");
            if (tally.Dialogs != dialogs || tally.Scenarios != runs.Count)
                problems.Add($"variant {tally.Variant}: {tally.Dialogs}/{dialogs} dialogs, {tally.Scenarios}/{runs.Count} scenarios completed");
            if (tally.PipelineRuns != queries || kept != tally.PipelineRuns)
                problems.Add($"variant {tally.Variant}: {queries} queries planned, {tally.PipelineRuns} answered, {kept?.ToString() ?? "no"} pipeline runs stored");
        }
        if (problems.Count > 0)
            throw new InvalidOperationException($"{pass} ({plan.Settings.SimulationId}) is incomplete: {string.Join("; ", problems)}");
    }
}
