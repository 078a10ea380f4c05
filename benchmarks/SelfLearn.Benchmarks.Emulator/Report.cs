using System.Text.Encodings.Web;
using System.Text.Json;
using SelfLearn.Agents.Experiments.Simulations;
using static System.FormattableString;

namespace SelfLearn.Benchmarks.Emulator;

/// <param name="TargetDialogsPerSecond">Issue #4's target: warm, over HTTP, on the built-in library.</param>
internal sealed record Report(
    string Benchmark, string Command, DateTimeOffset StartedAt, double DurationMinutes, Options Options, MachineInfo Machine, string Server,
    SimulationTarget Experiment, double TargetDialogsPerSecond, IReadOnlyList<SetResult> Sets, ConfigProbe ConfigResolution)
{
    public const double LibraryTarget = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine($"{Machine.Cpu}, {Machine.Cores} cores, {Machine.RamGiB} GiB; {Machine.Os}; {Machine.Dotnet}");
        Console.WriteLine(Machine.Postgres);
        foreach (var set in Sets)
            SetTable.Print(set, Options.Concurrency, set.IsLibrary ? TargetDialogsPerSecond : null);
        var c = ConfigResolution;
        Console.WriteLine();
        Console.WriteLine(Invariant($"config resolution alone ({c.Resolves} calls): {c.SequentialMeanMs} ms each with 1 client; ")
            + Invariant($"{c.ConcurrentPerSecond}/s with {Options.Concurrency} clients, CPU per call: app {c.AppCpuMsPerResolve} ms, postgres {c.PostgresCpuMsPerResolve} ms"));
    }

    public async Task WriteJsonAsync(string path, CancellationToken ct)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }
}
