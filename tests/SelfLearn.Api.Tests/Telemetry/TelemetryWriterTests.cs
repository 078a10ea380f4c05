using System.Text.Json.Nodes;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Telemetry;

/// <summary>These tests leave dead letters behind (health stays degraded), so they run on a host of their own.</summary>
public sealed class TelemetryWriterTests(ThrowAwayApp app) : IClassFixture<ThrowAwayApp>
{
    private IAlbaHost Host => app.Host;

    [Fact]
    public async Task A_record_the_database_refuses_is_parked_with_its_error_and_the_rest_of_its_batch_is_written()
    {
        var writer = Host.TelemetryWriter();
        var deadLetteredBefore = writer.Status.DeadLettered;
        var poison = TelemetryHostExtensions.PipelineRun("what did I say about \0 yesterday?");
        var good = Enumerable.Range(0, 6).Select(i => TelemetryHostExtensions.PipelineRun($"question {i}")).ToArray();

        // While the writer retries the first record, the others queue up and are then taken as one batch.
        await using (await Host.BreakTelemetryTableAsync(good[0]))
        {
            foreach (var run in good[1..4].Append(poison).Concat(good[4..]))
                writer.Enqueue(run);
        }
        await writer.FlushAsync();

        Assert.Equal(good.Select(r => r.RunId).ToHashSet(), await Host.StoredRunIds([.. good, poison]));
        Assert.Equal(good.Length * (2 + 6), await Host.StoredEventCount(good)); // 2 latency stages + 6 fixed measurements
        Assert.Equal(0, await Host.StoredEventCount([poison]));
        Assert.Equal(deadLetteredBefore + 1, writer.Status.DeadLettered);

        var parked = await DeadLetter(poison.RunId);
        Assert.Equal(("PipelineRun", "22021"), (parked.Kind, parked.SqlState));
        Assert.Contains("0x00", parked.Error, StringComparison.Ordinal);
        var recovered = TelemetryDeadLetters.FromJson<PipelineRun>(parked.RecordJson)!;
        Assert.Equal((poison.RunId, poison.Question, poison.UserId, poison.TokensIn), (recovered.RunId, recovered.Question, recovered.UserId, recovered.TokensIn));
        Assert.Equal(poison.LatencyMs, recovered.LatencyMs);

        Assert.False(Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        var later = TelemetryHostExtensions.PipelineRun("a later question");
        writer.Enqueue(later);
        await writer.FlushAsync();
        Assert.Single(await Host.StoredRunIds([later]));

        var telemetry = (await Health())["checks"]!["telemetry"]!;
        Assert.Equal("degraded", telemetry["status"]!.GetValue<string>());
        Assert.Equal(writer.Status.DeadLettered, telemetry["data"]!["deadLettered"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_record_that_cannot_even_be_sent_is_parked_without_a_sqlstate()
    {
        var writer = Host.TelemetryWriter();
        var good = TelemetryHostExtensions.PipelineRun("a fine question");
        var unsendable = TelemetryHostExtensions.PipelineRun("a question") with
        {
            LatencyMs = new Dictionary<string, double> { ["retrieve"] = double.NaN },
        };

        writer.Enqueue(unsendable);
        writer.Enqueue(good);
        await writer.FlushAsync();

        Assert.Equal([good.RunId], await Host.StoredRunIds([good, unsendable]));
        var parked = await DeadLetter(unsendable.RunId);
        Assert.Equal(("PipelineRun", null), (parked.Kind, parked.SqlState));
        Assert.True(double.IsNaN(TelemetryDeadLetters.FromJson<PipelineRun>(parked.RecordJson)!.LatencyMs["retrieve"]));
    }

    [Fact]
    public async Task A_database_failure_loses_nothing_and_shows_as_degraded_while_it_lasts()
    {
        var writer = Host.TelemetryWriter();
        var deadLetteredBefore = writer.Status.DeadLettered;
        var runs = Enumerable.Range(0, 3).Select(i => TelemetryHostExtensions.PipelineRun($"question {i}")).ToArray();

        await using (await Host.BreakTelemetryTableAsync(runs))
        {
            var health = await Health();
            Assert.Equal("degraded", health["status"]!.GetValue<string>());
            var telemetry = health["checks"]!["telemetry"]!;
            Assert.Equal("degraded", telemetry["status"]!.GetValue<string>());
            Assert.Equal("Telemetry cannot be written at the moment; 3 records wait and are retried.", telemetry["description"]!.GetValue<string>());
            Assert.Equal(3, telemetry["data"]!["waiting"]!.GetValue<long>());
        }
        await writer.FlushAsync();

        Assert.Equal(runs.Select(r => r.RunId).ToHashSet(), await Host.StoredRunIds(runs));
        Assert.Equal(runs.Length * (2 + 6), await Host.StoredEventCount(runs));
        Assert.Equal(deadLetteredBefore, writer.Status.DeadLettered);
        Assert.False(writer.Status.Failing);
    }

    private async Task<JsonNode> Health()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBe(200);
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!;
    }

    private async Task<(string Kind, string? SqlState, string Error, string RecordJson)> DeadLetter(Guid runId)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"SELECT kind, sql_state, error, record_json FROM {TelemetryDeadLetters.Table} WHERE run_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3));
        Assert.False(await reader.ReadAsync());
        return row;
    }
}
