using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace SelfLearn.Benchmarks;

/// <summary>Where the figures were measured: CPU, cores, memory, OS, runtime, PostgreSQL and its durability settings.</summary>
internal sealed record MachineInfo(
    string Cpu,
    int Cores,
    double RamGiB,
    string Os,
    string Dotnet,
    string Postgres,
    IReadOnlyDictionary<string, string> PostgresSettings)
{
    private static readonly string[] Settings =
        ["fsync", "synchronous_commit", "wal_sync_method", "shared_buffers", "max_wal_size", "checkpoint_timeout"];

    public static async Task<MachineInfo> DescribeAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var version = new NpgsqlCommand("select version()", connection);
        var postgres = (string)(await version.ExecuteScalarAsync(ct))!;

        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var query = new NpgsqlCommand(
            "select name, current_setting(name) from pg_settings where name = any($1)", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = Settings });
        await using (var reader = await query.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                settings[reader.GetString(0)] = reader.GetString(1);
        }

        return new MachineInfo(CpuModel(), Environment.ProcessorCount, TotalRamGiB(), OsName(), RuntimeInformation.FrameworkDescription,
            postgres, settings);
    }

    private static string CpuModel() => ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static double TotalRamGiB() =>
        ProcLine("/proc/meminfo", "MemTotal") is { } total
        && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib)
            ? Stats.Round(kib / 1024.0 / 1024.0)
            : 0;

    private static string OsName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"')
            : null;
        var kernel = $"{RuntimeInformation.OSArchitecture} {Environment.OSVersion.VersionString}";
        return pretty is null ? $"{RuntimeInformation.OSDescription} ({kernel})" : $"{pretty} ({kernel})";
    }

    /// <summary>The value after the colon of the first "key: value" line of a /proc file.</summary>
    private static string? ProcLine(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.StartsWith(key, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
}
