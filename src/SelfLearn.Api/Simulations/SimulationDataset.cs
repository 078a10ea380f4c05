using SelfLearn.Agents.Emulator.Authoring;
using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Locomo;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Domain.Scenarios;
using Spectre.Console;

namespace SelfLearn.Api.Simulations;

/// <summary>Finds new scenarios, telling what it skipped: a file (native or LoCoMo) or the built-in library (a recorded dataset version is <see cref="SimulationRecords"/>'s).</summary>
public static class SimulationDataset
{
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
