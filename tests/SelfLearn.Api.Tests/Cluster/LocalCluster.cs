using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using SelfLearn.Api.Hosting;
using SelfLearn.Api.Tests.Hosting;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Cluster;

/// <summary>
/// Three app processes on one PostgreSQL behind the balancer, started as a person would: <c>cluster --nodes 3</c>. A
/// silent node is taken for dead after 5 s (Wolverine checks every second), windows are 1 s and the rules are evaluated
/// every second, so failover and rollbacks happen within a test's patience.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    public const int Size = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private readonly EmbeddedPostgres _postgres = EmbeddedPostgres.StartThrowAway("selflearn_cluster");
    private readonly int[] _ports = [.. Enumerable.Range(0, Size + 1).Select(_ => TemporaryDataFolder.FreeLoopbackPort())];
    private AppProcess? _cluster;

    public string BalancerUrl => Url(_ports[0]);

    public IReadOnlyList<string> NodeUrls => [.. _ports.Skip(1).Select(Url)];

    public string Output => _cluster?.Output + _cluster?.Errors;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = _postgres.ConnectionString,
            [$"ApiKeys__{Keys.MetaUser}"] = "meta-user",
            [$"ApiKeys__{Keys.Auditor}"] = "auditor",
            [$"ApiKeys__{Keys.Service}"] = "service",
            ["RateLimiting__Enabled"] = "false",
            ["Manager__Screening__Conversations__0"] = "conv-30",
            ["Cluster__StaleNodeSeconds"] = "5",
            ["Cluster__HealthCheckSeconds"] = "1",
            ["Online__WindowSeconds"] = "1",
            ["Online__EvaluateSeconds"] = "1",
        };
        _cluster = AppProcess.Start(settings, "cluster", "--nodes", Size.ToString(CultureInfo.InvariantCulture),
            "--port", _ports[0].ToString(CultureInfo.InvariantCulture), "--node-ports", string.Join(',', _ports.Skip(1)));
        // Three processes starting on two shared cores: each takes up to a few minutes when the machine is busy.
        await _cluster.WaitUntilAnswersAsync($"{BalancerUrl}/health", TimeSpan.FromMinutes(10));
    }

    /// <summary>A client of <paramref name="url"/> (the balancer or one node) with a key; it keeps no cookies, so the balancer spreads its requests.</summary>
    public static HttpClient Client(string url, string key = Keys.MetaUser)
    {
        // No cookies: the balancer's affinity cookie would pin every later request to one node.
        var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    /// <summary>Who answers at <paramref name="url"/>: its name, process id and Wolverine node number (from /health).</summary>
    public static async Task<(string Name, int ProcessId, int WolverineNode)> NodeAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var node = (await http.GetFromJsonAsync<JsonNode>("/health"))!["checks"]!["node"]!["data"]!;
        return (node["name"]!.GetValue<string>(), int.Parse(node["processId"]!.GetValue<string>(), CultureInfo.InvariantCulture), node["wolverineNode"]!.GetValue<int>());
    }

    /// <summary>The Wolverine node number holding <paramref name="agent"/> (<see cref="WolverineAgents"/>), or null when no node holds it.</summary>
    public async Task<int?> HolderAsync(string agent)
    {
        await using var database = NpgsqlDataSource.Create(_postgres.ConnectionString);
        return await WolverineAgents.HolderAsync(database, agent);
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var database = NpgsqlDataSource.Create(_postgres.ConnectionString);
        await using var command = database.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<string>> EventTypesAsync(string streamId)
    {
        await using var database = NpgsqlDataSource.Create(_postgres.ConnectionString);
        await using var command = database.CreateCommand("SELECT type FROM selflearn.mt_events WHERE stream_id = $1 ORDER BY version");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            types.Add(reader.GetString(0));
        return types;
    }

    /// <summary>Polls <paramref name="check"/> until it holds; fails with the cluster's output after <see cref="Patience"/>.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> check, string what)
    {
        using var give = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        give.CancelAfter(Patience);
        while (!await check())
        {
            if (give.IsCancellationRequested)
                Assert.Fail($"Waited {Patience} for {what}. The cluster printed:\n{Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.TerminateAsync();
            _cluster.Dispose();
        }
        _postgres.Dispose();
    }

    private static string Url(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
}
