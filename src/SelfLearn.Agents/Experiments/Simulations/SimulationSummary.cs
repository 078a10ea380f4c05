using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Domain.Simulations;

namespace SelfLearn.Agents.Experiments.Simulations;

/// <summary>One variant's share of a simulation; <see cref="PipelineRunsStored"/> is counted in the telemetry tables afterwards.</summary>
public sealed record VariantSummary(
    string Variant,
    int ConfigVersion,
    int Requests,
    int Scenarios,
    int Dialogs,
    int Memories,
    int Questions,
    int FollowUps,
    int PipelineRuns,
    long? PipelineRunsStored,
    int Abstained,
    int Failures);

/// <summary>What --out receives after a run: the dataset version used, the tallies per variant and the pace.</summary>
public sealed record SimulationSummary(
    string SimulationId,
    string Status,
    string ExperimentId,
    string DeploymentId,
    string Dataset,
    int DatasetVersion,
    string DatasetSha256,
    int? Seed,
    int Concurrency,
    double Seconds,
    int Requests,
    double DialogsPerSecond,
    double RequestsPerSecond,
    IReadOnlyList<VariantSummary> Variants,
    IReadOnlyList<string> Errors)
{
    public static SimulationSummary Of(
        SimulationRun run, string status, DatasetRegistration dataset, double seconds, EmulatorResult result, IReadOnlyDictionary<string, long>? stored)
    {
        var dialogs = result.Tallies.Sum(t => t.Dialogs);
        var requests = result.Tallies.Sum(t => t.Requests);
        return new SimulationSummary(run.SimulationId, status, run.Target.ExperimentId, run.Target.DeploymentId, dataset.Name, dataset.Version,
            dataset.Sha256, run.Scenarios.Set.Seed, run.Concurrency, Math.Round(seconds, 3), requests, Math.Round(dialogs / seconds, 1),
            Math.Round(requests / seconds, 1),
            [.. result.Tallies.Select(t => Variant(t, run.Target.Variants.Single(v => v.Name == t.Variant).ConfigVersion,
                stored is null ? null : stored.GetValueOrDefault(t.Variant)))],
            result.Errors);
    }

    public static VariantSummary Variant(VariantTally tally, int configVersion, long? stored) =>
        new(tally.Variant, configVersion, tally.Requests, tally.Scenarios, tally.Dialogs, tally.Memories, tally.Questions, tally.FollowUps,
            tally.PipelineRuns, stored, tally.Abstained, tally.Failures);
}
