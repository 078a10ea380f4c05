using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Experiments.Datasets;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Benchmarks.Shared;

namespace SelfLearn.Benchmarks.Teacher;

/// <summary>What the library pass left behind: the experiment and simulation to read, and the dataset version it registered.</summary>
internal sealed record LibraryRun(string ExperimentId, string SimulationId, PlayedDataset Dataset, int Examples, int Requests, double Seconds)
{
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<GoldenExample> Golden { get; init; } = [];
}

/// <summary>
/// The built-in library (template author) played once through the Student over HTTP, the way <c>simulate</c> plays it:
/// an experiment of two variants on the active version (an experiment needs two), paired, 8 requests at a time. Its
/// per-example outcomes feed the A/A check, and its registered dataset version is the golden set the seeded rows use.
/// </summary>
internal static class LibraryPass
{
    public const string ExperimentId = "bench-teacher-library";
    public const string Deployment = "bench";

    public static async Task<LibraryRun> RunAsync(KestrelApp host, int seed, int count, CancellationToken ct)
    {
        var build = await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), seed, count, ct: ct);
        if (build.Set.Scenarios.Count == 0)
            throw new InvalidOperationException($"the library wrote no scenario; first error: {build.Errors.FirstOrDefault()}");
        await using var scope = host.Services.CreateAsyncScope();
        var target = await scope.ServiceProvider.GetRequiredService<SimulationExperiment>().RegisterAsync(ExperimentId, Deployment,
            [("a", new Dictionary<string, System.Text.Json.JsonElement>()), ("b", new Dictionary<string, System.Text.Json.JsonElement>())], ct);
        var simulationId = RunSimulation.NewSimulationId();
        var plan = SimulationPlan.Build(build.Set, new SimulationSettings(simulationId, Deployment, ExperimentId, ["a", "b"]));
        var run = new SimulationRun(simulationId, new LoadedScenarios(build.Set, $"library {TemplateScenarioAuthor.Name} seed {seed}"), target, plan,
            8, KeepMemories: false, RepeatOf: null);
        var workflow = ActivatorUtilities.CreateInstance<RunSimulation>(scope.ServiceProvider, (IMaasClient)new HttpMaasClient(host.Client));
        var observer = new QuietObserver();
        var outcome = await workflow.RunAsync(run, observer, ct);
        if (outcome.Summary.Variants.Any(v => v.Failures > 0) || observer.Dataset is null)
            throw new InvalidOperationException($"the library pass had failures: {string.Join("; ", outcome.Summary.Errors.Take(3))}");
        var d = observer.Dataset;
        return new LibraryRun(ExperimentId, simulationId, new PlayedDataset(simulationId, d.Name, d.Version, d.Sha256),
            GoldenExample.Of(build.Set).Count(), plan.Requests, Stats.Round(outcome.Summary.Seconds, 1))
        {
            Golden = [.. GoldenExample.Of(build.Set)],
        };
    }

    private sealed class QuietObserver : ISimulationObserver
    {
        public DatasetRegistration? Dataset { get; private set; }

        public void Started(SimulationRun run, DatasetRegistration dataset) => Dataset = dataset;

        public Task<EmulatorResult> PlayingAsync(SimulationPlan plan, Func<IProgress<EmulatorProgress>?, Task<EmulatorResult>> play) => play(null);

        public void Warning(string message) => Progress.Log("warning: " + message);
    }
}
