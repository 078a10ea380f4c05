using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Benchmarks.Emulator;

/// <summary>The sets the benchmark plays: the built-in library, then the LoCoMo file when there is one.</summary>
internal static class BenchScenarioSets
{
    public static async Task<IReadOnlyList<(ScenarioSet Set, string Source)>> LoadAsync(Options options, CancellationToken ct)
    {
        var library = await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), options.Seed, options.Count, ct: ct);
        if (library.Set.Scenarios.Count == 0)
            throw new InvalidOperationException($"the library wrote no scenario; first error: {library.Errors.FirstOrDefault()}");
        var sets = new List<(ScenarioSet, string)> { (library.Set, $"library {TemplateScenarioAuthor.Name} seed {options.Seed} count {options.Count}") };
        if (options.Locomo is { } path)
        {
            var locomo = ScenarioFiles.Load(path);
            sets.Add((locomo.Set ?? throw new InvalidOperationException($"{path} is not a valid scenario file: {locomo.Error}"),
                $"file {Path.GetFileName(path)} ({locomo.SourceFormat}, {locomo.Skipped.Count} items skipped)"));
        }
        return sets;
    }
}
