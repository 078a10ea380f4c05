using System.Text.Json.Nodes;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Student;

public static class StudentHostExtensions
{
    public static Task<JsonNode?> Remember(this IAlbaHost host, string user, params (string Text, string Source, string Timestamp)[] items) =>
        host.Post("/maas/v1/memories", new
        {
            deploymentId = "default", userId = user, threadId = "t-1",
            items = items.Select(i => new { text = i.Text, speaker = user, timestamp = i.Timestamp, sourceId = i.Source }).ToArray(),
        }, 201, Keys.Service);

    public static Task<JsonNode?> Ask(this IAlbaHost host, string user, string question, string? experimentId = null, string? variant = null) =>
        host.Post("/maas/v1/query", new { deploymentId = "default", userId = user, threadId = "t-1", question, experimentId, variant }, 200, Keys.Service);

    public static IReadOnlyList<string> Sources(this JsonNode? answer) =>
        [.. answer!["items"]!.AsArray().Select(i => i!["sourceId"]!.GetValue<string>())];

    /// <summary>Runs a scalar SQL query after the telemetry queue has been written.</summary>
    public static async Task<T> Sql<T>(this IAlbaHost host, string sql)
    {
        await host.Services.GetRequiredService<TelemetryWriter>().FlushAsync();
        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
