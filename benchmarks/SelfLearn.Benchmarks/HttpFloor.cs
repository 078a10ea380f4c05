using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace SelfLearn.Benchmarks;

/// <summary>
/// The floor under the HTTP write path on this machine: a bare Kestrel app in the benchmark's process whose create and
/// activate each make the real write's four round trips with plain Npgsql on the baseline tables: (1) read the
/// stream's state, (2) read a sequence number, (3) BEGIN and the inserts in one batch, (4) COMMIT. No Wolverine, Marten,
/// authentication, validation or projections. Any implementation of the two-request pair over HTTP with this many
/// round trips pays at least what it costs; the app's pair is measured against it and against raw SQL.
/// </summary>
internal sealed class HttpFloor : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpFloor(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>A client of the floor app: the same routes and answers (201 with configVersion, 200) as the real pair uses.</summary>
    public HttpClient Client { get; }

    public static async Task<HttpFloor> StartAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using (var sequence = database.CreateCommand("create sequence if not exists bench_baseline.floor_sequence"))
            await sequence.ExecuteNonQueryAsync(ct);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/api/deployments/{deployment}/versions", async (string deployment, [FromBody] JsonElement body, CancellationToken token) =>
            Results.Json(new { configVersion = await WriteAsync(database, deployment, "config_version", "version", body.GetProperty("parameters").GetRawText(), token) },
                statusCode: StatusCodes.Status201Created));
        app.MapPost("/api/deployments/{deployment}/versions/{version:int}/activate", async (string deployment, int version, [FromBody] JsonElement body, CancellationToken token) =>
            Results.Json(new { activation = await WriteAsync(database, deployment, "activation", "activation", null, token, version) }));
        await app.StartAsync(ct);
        return new HttpFloor(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    /// <summary>The next number of <paramref name="key"/> in <paramref name="table"/> for the deployment, written in four round trips.</summary>
    private static async Task<int> WriteAsync(
        NpgsqlDataSource database, string deployment, string table, string key, string? parameters, CancellationToken ct, int version = 0)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        int next;
        await using (var state = new NpgsqlCommand($"select coalesce(max({key}), 0) + 1 from bench_baseline.{table} where deployment = $1", connection))
        {
            state.Parameters.Add(new NpgsqlParameter { Value = deployment });
            next = Convert.ToInt32(await state.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using (var sequence = new NpgsqlCommand("select nextval('bench_baseline.floor_sequence')", connection))
            await sequence.ExecuteScalarAsync(ct);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand(table == "config_version"
            ? "insert into bench_baseline.config_version (deployment, version, parameters, reason) values ($1, $2, $3, 'floor')"
            : "insert into bench_baseline.activation (deployment, activation, version, reason) values ($1, $2, $3, 'floor')", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = deployment });
            insert.Parameters.Add(new NpgsqlParameter { Value = next });
            insert.Parameters.Add(parameters is null
                ? new NpgsqlParameter { Value = version }
                : new NpgsqlParameter { Value = parameters, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return next;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
