using System.Globalization;
using System.Net.Http.Json;
using Npgsql;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Tests.Hosting;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Manager.Cycles;

/// <summary>
/// Crash safety with a real process kill: the app runs as a child process on the test's PostgreSQL, is killed with
/// SIGKILL while a step of a cycle is in flight, and started again; the cycle's step message waits in the durable inbox,
/// so the cycle finishes with every step recorded exactly once.
/// </summary>
public sealed class CycleCrashTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);
    private readonly EmbeddedPostgres _postgres = EmbeddedPostgres.StartThrowAway("selflearn_crash");
    private readonly int _port = TemporaryDataFolder.FreeLoopbackPort();

    private string Url => $"http://127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}";

    private Dictionary<string, string> Settings => new()
    {
        ["ConnectionStrings__Marten"] = _postgres.ConnectionString,
        ["ASPNETCORE_URLS"] = Url,
        [$"ApiKeys__{Keys.MetaUser}"] = "meta-user",
        [$"ApiKeys__{Keys.Service}"] = "service",
        ["RateLimiting__Enabled"] = "false",
        ["Manager__Screening__Conversations__0"] = "conv-30",
    };

    [Fact]
    public async Task A_cycle_killed_mid_step_finishes_after_a_restart_with_every_step_recorded_once()
    {
        using (var first = AppProcess.Start(Settings))
        {
            await first.WaitUntilAnswersAsync($"{Url}/health");
            using var http = Client();
            var created = await (await http.PostAsJsonAsync("/api/deployments/default/versions",
                new { parameters = new Dictionary<string, object> { ["retrieval.top_k"] = 1 }, reason = "start low" })).Content.ReadFromJsonAsync<VersionAnswer>();
            (await http.PostAsJsonAsync($"/api/deployments/default/versions/{created!.ConfigVersion}/activate", new { reason = "start low" })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/api/cycles", CycleHost.Goal(["retrieval.top_k"], id: "cyc-crash"))).EnsureSuccessStatusCode();

            await WaitForEvent("experiment_ran");
            first.Kill();
        }
        Assert.DoesNotContain("cycle_completed", await CycleEvents());

        using var second = AppProcess.Start(Settings);
        await second.WaitUntilAnswersAsync($"{Url}/health");
        await WaitForEvent("cycle_completed");

        Assert.Equal(["cycle_started", "cycle_planned", "variants_prepared", "experiment_ran", "experiment_evaluated", "recommendations_recorded",
            "change_activated", "cycle_reported", "cycle_completed"], await CycleEvents());
        Assert.Equal(1, await Count("SELECT count(*) FROM selflearn.mt_events WHERE stream_id = 'verdict:cyc-crash-e1'"));
        Assert.Equal(1, await Count("SELECT count(*) FROM selflearn.mt_events WHERE type = 'recommendation_recorded' AND data ->> 'experimentId' = 'cyc-crash-e1'"));
    }

    private HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = new Uri(Url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Keys.MetaUser);
        return http;
    }

    private async Task<IReadOnlyList<string>> CycleEvents()
    {
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type FROM selflearn.mt_events WHERE stream_id = 'cycle:cyc-crash' ORDER BY version", connection);
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            types.Add(reader.GetString(0));
        return types;
    }

    private async Task<long> Count(string sql)
    {
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls the cycle's stream until the event is on it (the test gives up after <see cref="Patience"/>).</summary>
    private async Task WaitForEvent(string type)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!(await CycleEvents()).Contains(type))
            await Task.Delay(100, patience.Token);
    }

    public void Dispose() => _postgres.Dispose();

    private sealed record VersionAnswer(int ConfigVersion);
}
