using Marten;
using SelfLearn.Agents.Datasets;
using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Locomo;
using SelfLearn.Domain.Scenarios;
using Spectre.Console;

namespace SelfLearn.Api.Simulations;

/// <summary>The scenario set a simulation plays and where it came from (recorded with the dataset version).</summary>
public sealed record LoadedScenarios(ScenarioSet Set, string Source);

/// <summary>Finds the scenarios: a recorded dataset version (--repeat), a file (native or LoCoMo), or the built-in library.</summary>
public static class SimulationDataset
{
    public static async Task<LoadedScenarios> FromRecordAsync(IQuerySession session, string name, int version, CancellationToken ct)
    {
        var (set, error) = await LoadDataset.RunAsync(session, name, version, ct);
        return set is null ? throw new ArgumentException(error) : new LoadedScenarios(set, $"dataset {name}@{version}");
    }

    public static LoadedScenarios FromFile(string path)
    {
        var loaded = ScenarioFiles.Load(path);
        if (loaded.Set is null)
            throw new ArgumentException($"{path} is not a valid scenario file; nothing was imported. First error at {loaded.Error}");
        foreach (var skipped in loaded.Skipped.Take(10))
            AnsiConsole.MarkupLine($"[yellow]skipped:[/] {Markup.Escape(skipped)}");
        if (loaded.Skipped.Count > 10)
            AnsiConsole.MarkupLine($"[yellow]… and {loaded.Skipped.Count - 10} more skipped.[/]");
        return new LoadedScenarios(loaded.Set, $"file {Path.GetFileName(path)} ({loaded.SourceFormat})");
    }

    public static async Task<LoadedScenarios> FromLibraryAsync(IScenarioAuthor author, int seed, int count, CancellationToken ct)
    {
        LibraryBuild? build = null;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"writing {count} scenarios ({author.Generator}, seed {seed})", maxValue: count);
            build = await ScenarioLibrary.BuildAsync(author, seed, count, progress: new Progress<int>(done => task.Value = done), ct: ct);
            task.Value = count;
        });
        if (build!.Rejected > 0)
            AnsiConsole.MarkupLine($"[yellow]{build.Rejected} scenario draft(s) rejected by the validator and rewritten; {build.Skipped.Count} skipped.[/]");
        if (build.Set.Scenarios.Count == 0)
            throw new ArgumentException($"the author {author.Generator} wrote no valid scenario; first error: {build.Errors.FirstOrDefault()}");
        return new LoadedScenarios(build.Set, $"library {author.Generator} seed {seed}");
    }
}
