using System.Text.Encodings.Web;
using System.Text.Json;
using SelfLearn.Api.Simulations;

namespace SelfLearn.Benchmarks.Emulator;

/// <param name="TargetDialogsPerSecond">Issue #4's target: warm, over HTTP, on the built-in library.</param>
internal sealed record Report(
    string Benchmark, string Command, DateTimeOffset StartedAt, double DurationMinutes, Options Options, MachineInfo Machine, string Server,
    SimulationTarget Experiment, double TargetDialogsPerSecond, IReadOnlyList<SetResult> Sets)
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
    }

    public async Task WriteJsonAsync(string path, CancellationToken ct)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }
}
