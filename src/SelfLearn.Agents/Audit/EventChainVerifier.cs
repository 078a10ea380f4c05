using Npgsql;

namespace SelfLearn.Agents.Audit;

/// <summary>An event whose stored chain hash is not the one its content and its predecessor's hash give.</summary>
public sealed record ChainBreak(long Sequence, string StreamId, long Version, string Type, Guid EventId, string? StoredHash, string ExpectedHash);

/// <summary>What <see cref="EventChainVerifier"/> found: how much it checked and the first event (by global sequence) that does not match.</summary>
public sealed record ChainReport(bool Intact, int Streams, long Events, ChainBreak? FirstBreak, int BrokenStreams);

/// <summary>
/// Recomputes every stream's hash chain from the stored events, in .NET, independently of the trigger that wrote it. Each
/// event is checked against the stored hash of its predecessor, so an edited event is named itself, and an edited event whose
/// stored hash was rewritten to match breaks its successor.
/// </summary>
public sealed class EventChainVerifier(NpgsqlDataSource dataSource)
{
    public async Task<ChainReport> VerifyAsync(string schema, IProgress<long>? progress, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT seq_id, stream_id, version, type, id, timestamp, data::text, headers ->> '{EventChainSchema.HeaderName}'
              FROM {schema}.mt_events WHERE type <> 'tombstone' ORDER BY stream_id, version
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);

        ChainBreak? first = null;
        var (streams, events, broken) = (0, 0L, 0);
        string? stream = null;
        string? previousStored = null;
        var previousVersion = 0L;
        var streamBroken = false;
        while (await reader.ReadAsync(ct))
        {
            var (sequence, streamId, version) = (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
            if (streamId != stream)
            {
                (stream, previousStored, previousVersion, streamBroken) = (streamId, null, 0, false);
                streams++;
            }

            var stored = reader.IsDBNull(7) ? null : reader.GetString(7);
            var predecessor = version == previousVersion + 1 ? previousStored : null;
            var expected = ChainHash.Compute(predecessor, streamId, version, reader.GetString(3), reader.GetGuid(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6));
            if (!string.Equals(stored, expected, StringComparison.Ordinal))
            {
                if (!streamBroken) broken++;
                streamBroken = true;
                if (first is null || sequence < first.Sequence)
                    first = new ChainBreak(sequence, streamId, version, reader.GetString(3), reader.GetGuid(4), stored, expected);
            }

            (previousStored, previousVersion) = (stored, version);
            if (++events % 10_000 == 0) progress?.Report(events);
        }

        progress?.Report(events);
        return new ChainReport(first is null, streams, events, first, broken);
    }
}
