using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SelfLearn.Api.Commands;
using SelfLearn.Api.Tests.Edge;
using SelfLearn.Api.Tests.Infrastructure;

namespace SelfLearn.Api.Tests.Audit;

public sealed class EventChainTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Each_stored_hash_is_the_documented_sha256_over_the_previous_hash_and_the_event()
    {
        await Host.CreateAndActivate("retrieval.top_k", 3);

        var rows = await Rows("SELECT stream_id, version, type, id, timestamp, data::text, headers ->> 'chainHash' FROM selflearn.mt_events " +
            "WHERE stream_id = 'default' ORDER BY version", r => (Version: r.GetInt64(1), Type: r.GetString(2), Id: r.GetGuid(3),
                At: r.GetFieldValue<DateTime>(4), Data: r.GetString(5), Hash: r.GetString(6)));
        Assert.True(rows.Count >= 3);
        var previous = "";
        foreach (var row in rows)
        {
            var micros = (row.At - DateTime.UnixEpoch).Ticks / 10;
            var text = $"{previous}\ndefault\n{row.Version}\n{row.Type}\n{row.Id:D}\n{micros.ToString(CultureInfo.InvariantCulture)}\n{row.Data}";
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(expected, row.Hash);
            previous = row.Hash;
        }

        var served = (await Host.Get("/api/deployments/default/events"))!.AsArray();
        Assert.Equal(rows.Select(r => r.Hash), served.Select(e => e!["chainHash"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_untouched_store_verifies_as_intact_and_every_event_is_counted()
    {
        await Host.CreateAndActivate("retrieval.top_k", 3);
        var events = (await Rows("SELECT count(*) FROM selflearn.mt_events WHERE type <> 'tombstone'", r => r.GetInt64(0))).Single();
        var streams = (await Rows("SELECT count(DISTINCT stream_id) FROM selflearn.mt_events WHERE type <> 'tombstone'", r => r.GetInt64(0))).Single();

        var report = await Host.Get("/api/audit/verify");

        Assert.True(report!["intact"]!.GetValue<bool>());
        Assert.Equal(events, report["events"]!.GetValue<long>());
        Assert.Equal(streams, report["streams"]!.GetValue<long>());
        Assert.Null(report["firstBreak"]);
        Assert.Equal(0, await VerifyCommand.RunAsync(Host.Services, CancellationToken.None));
    }

    [Fact]
    public async Task An_edited_event_is_named_by_the_route_and_the_command()
    {
        await Host.CreateAndActivate("retrieval.top_k", 3);
        var sequence = await Edit("UPDATE selflearn.mt_events SET data = data || '{\"reason\":\"nobody asked\"}' " +
            "WHERE stream_id = 'default' AND version = 2 RETURNING seq_id");

        var report = await Host.Get("/api/audit/verify");

        Assert.False(report!["intact"]!.GetValue<bool>());
        var first = report["firstBreak"]!;
        Assert.Equal((sequence, "default", 2L), (first["sequence"]!.GetValue<long>(), first["streamId"]!.GetValue<string>(), first["version"]!.GetValue<long>()));
        Assert.Equal(1, report["brokenStreams"]!.GetValue<int>());
        Assert.Equal(VerifyCommand.Broken, await VerifyCommand.RunAsync(Host.Services, CancellationToken.None));
    }

    [Fact]
    public async Task Rewriting_the_edited_events_own_hash_breaks_the_next_link()
    {
        await Host.CreateAndActivate("retrieval.top_k", 3);
        await Edit("UPDATE selflearn.mt_events SET data = data || '{\"reason\":\"nobody asked\"}' WHERE stream_id = 'default' AND version = 2 RETURNING seq_id");
        await Edit("""
            UPDATE selflearn.mt_events t SET headers = t.headers || jsonb_build_object('chainHash', selflearn.mt_event_chain_hash(
                (SELECT p.headers ->> 'chainHash' FROM selflearn.mt_events p WHERE p.stream_id = t.stream_id AND p.version = 1),
                t.stream_id, t.version, t.type, t.id, t.timestamp, t.data))
             WHERE stream_id = 'default' AND version = 2 RETURNING seq_id
            """);
        var next = (await Rows("SELECT seq_id FROM selflearn.mt_events WHERE stream_id = 'default' AND version = 3", r => r.GetInt64(0))).Single();

        var first = (await Host.Get("/api/audit/verify"))!["firstBreak"]!;

        Assert.Equal((next, 3L), (first["sequence"]!.GetValue<long>(), first["version"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_removed_hash_is_a_break_and_is_not_hashed_again_on_start()
    {
        var sequence = await Edit("UPDATE selflearn.mt_events SET headers = headers - 'chainHash' WHERE stream_id = 'default' AND version = 1 RETURNING seq_id");
        await SelfLearn.Agents.Audit.InstallEventChain.RunAsync(Fixture.Store, DataSource, CancellationToken.None);

        var first = (await Host.Get("/api/audit/verify"))!["firstBreak"]!;

        Assert.Equal(sequence, first["sequence"]!.GetValue<long>());
        Assert.Null(first["storedHash"]);
    }

    [Fact]
    public async Task Verify_refuses_a_body_and_unstorable_query_text_and_writes_nothing()
    {
        await Host.Refused(HttpMethod.Get, "/api/audit/verify", EdgeRequests.Json("null"), 400, Keys.Auditor);
        await Host.Refused(HttpMethod.Get, "/api/audit/verify", EdgeRequests.Json($"{{\"x\":\"{new string('a', 2_000_000)}\"}}"), 400, Keys.Auditor);
        await Host.Refused(HttpMethod.Get, "/api/audit/verify?streamId=a%00b", null, 400, Keys.Auditor);

        Assert.True((await Host.Get("/api/audit/verify"))!["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Only_auditors_and_the_meta_user_may_verify()
    {
        await Host.Get("/api/audit/verify", 401, key: null);
        await Host.Get("/api/audit/verify", 403, key: Keys.Service);
        await Host.Get("/api/audit/verify", 200, key: Keys.MetaUser);
    }

    private NpgsqlDataSource DataSource => Host.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<long> Edit(string sql) => (await Rows(sql, r => r.GetInt64(0))).Single();

    private async Task<List<T>> Rows<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }
}
