using Alba;
using JasperFx.Resources;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Seeding;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Teacher.Metrics.Folding;
using SelfLearn.Agents.Tuner;

namespace SelfLearn.Api.Tests.Infrastructure;

public static class HostReset
{
    /// <summary>Empties the event store and documents, clears Wolverine's queues, then seeds the defaults again.</summary>
    public static async Task ResetForTestAsync(this IAlbaHost host)
    {
        await host.ResetAllMartenDataAsync();
        await host.ResetResourceState();
        await host.Services.GetRequiredService<TelemetryWriter>().FlushAsync();
        await host.Services.GetRequiredService<TeacherTables>().EnsureAsync(CancellationToken.None);
        await using (var truncate = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"TRUNCATE {TelemetrySchema.Schema}.pipeline_runs, {TelemetrySchema.Schema}.telemetry_events, {TelemetrySchema.Schema}.run_feedback, {TeacherTables.GoldenDatasets}, " +
            $"{TeacherTables.GoldenExamples}, {TeacherTables.JudgeScores}, {TeacherTables.Observations}, {FoldTables.Folded}, {SelfLearn.Agents.Teacher.Online.OnlineWindowTables.Folded}"))
            await truncate.ExecuteNonQueryAsync();
        host.Services.GetRequiredService<MemoryIndexCache>().Clear();
        var catalog = host.Services.GetRequiredService<CatalogCache>();
        catalog.Invalidate();
        await SeedDefaults.RunAsync(host.Services.GetRequiredService<IDocumentStore>(), catalog, CancellationToken.None);
    }
}
