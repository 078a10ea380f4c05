using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Api.Tests.Telemetry;

public static class TelemetryHostExtensions
{
    public static TelemetryWriter TelemetryWriter(this IAlbaHost host) => host.Services.GetRequiredService<TelemetryWriter>();

    public static PipelineRun PipelineRun(string question) => new(
        Guid.CreateVersion7(), DateTimeOffset.UtcNow, "default", 1, null, null, "online", null, null, "user-1", "t-1", question,
        "an answer", false, [Guid.CreateVersion7()], ["s-1"], [0.5], ["s-1", "s-2"], ["a memory"], 10, 3,
        new Dictionary<string, double> { ["retrieve"] = 1.5, ["generate"] = 2.5 }, null);

    /// <summary>Which of these runs have a pipeline_runs row.</summary>
    public static async Task<HashSet<Guid>> StoredRunIds(this IAlbaHost host, IEnumerable<PipelineRun> runs)
    {
        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"SELECT run_id FROM {TelemetrySchema.Schema}.pipeline_runs WHERE run_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = runs.Select(r => r.RunId).ToArray() });
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    public static async Task<long> StoredEventCount(this IAlbaHost host, IEnumerable<PipelineRun> runs)
    {
        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"SELECT count(*) FROM {TelemetrySchema.Schema}.telemetry_events WHERE run_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = runs.Select(r => r.RunId).ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Makes every telemetry write fail the way a broken database does (the table is gone) until the returned handle
    /// is disposed, and returns once the writer has seen the failure.
    /// </summary>
    public static async Task<IAsyncDisposable> BreakTelemetryTableAsync(this IAlbaHost host, params PipelineRun[] waiting)
    {
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await host.TelemetryWriter().FlushAsync(); // the tables exist and nothing else is in flight
        await Execute(dataSource, $"ALTER TABLE {TelemetrySchema.Schema}.pipeline_runs RENAME TO pipeline_runs_away");
        foreach (var run in waiting)
            host.TelemetryWriter().Enqueue(run);
        while (!host.TelemetryWriter().Status.Failing)
            await Task.Delay(10, TestContext.Current.CancellationToken);
        return new Restore(dataSource);
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Restore(NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await Execute(dataSource, $"ALTER TABLE {TelemetrySchema.Schema}.pipeline_runs_away RENAME TO pipeline_runs");
    }
}
