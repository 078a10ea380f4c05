using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace SelfLearn.Benchmarks.Student;

/// <summary>Where the figures were measured.</summary>
internal sealed record Machine(string Cpu, int Cores, double RamGiB, string Os, string Dotnet, string Postgres)
{
    public static async Task<Machine> DescribeAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand("select version()");
        return Local((string)(await command.ExecuteScalarAsync(ct))!);
    }

    /// <summary>This machine, with <paramref name="postgres"/> in place of a database's version.</summary>
    public static Machine Local(string postgres)
    {
        var ramKib = ProcValue("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var ram = long.TryParse(ramKib, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? Math.Round(kib / 1048576.0, 1) : 0;
        var os = ProcValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        return new Machine(ProcValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.ProcessorCount, ram, $"{os} ({RuntimeInformation.OSArchitecture} {Environment.OSVersion.VersionString})", RuntimeInformation.FrameworkDescription, postgres);
    }

    private static string? ProcValue(string path, string key, char separator = ':') =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.StartsWith(key, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(separator, StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
}
