using Npgsql;

namespace SelfLearn.Agents.Audit;

/// <summary>
/// Installs the per-stream hash chain: a BEFORE INSERT trigger on Marten's event table writes <c>chainHash</c> into each
/// event's headers, covering the event and the hash of the event before it in its stream (see <see cref="ChainHash"/>).
/// Rows inserted earlier in the same statement are visible to a row trigger, so a multi-event append chains correctly.
/// Events stored before the chain existed are hashed once, when the trigger is first installed, in stream order; later, an
/// event without a hash is a broken link, never re-hashed (removing a hash must not launder an edit). Marten's tombstones
/// (placeholders for sequence numbers of failed transactions) belong to no stream and stay out of the chain.
/// </summary>
public static class EventChainSchema
{
    public const string HeaderName = "chainHash";

    public static string Sql(string schema) => $$"""
        SELECT pg_advisory_xact_lock(hashtext('{{schema}}.mt_events chain'));

        CREATE OR REPLACE FUNCTION {{schema}}.mt_event_chain_hash(previous text, stream text, version bigint, type text, id uuid,
            at timestamptz, data jsonb) RETURNS text LANGUAGE sql STABLE AS $fn$
            SELECT encode(sha256(convert_to(concat_ws(E'\n', coalesce(previous, ''), stream, version::text, type, id::text,
                floor(extract(epoch FROM at) * 1000000)::bigint::text, data::text), 'UTF8')), 'hex')
        $fn$;

        CREATE OR REPLACE FUNCTION {{schema}}.mt_event_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE previous text;
        BEGIN
            IF NEW.type = 'tombstone' THEN RETURN NEW; END IF;
            SELECT e.headers ->> '{{HeaderName}}' INTO previous FROM {{schema}}.mt_events e
             WHERE e.stream_id = NEW.stream_id AND e.version = NEW.version - 1;
            NEW.headers := coalesce(NEW.headers, '{}'::jsonb) || jsonb_build_object('{{HeaderName}}',
                {{schema}}.mt_event_chain_hash(previous, NEW.stream_id, NEW.version, NEW.type, NEW.id, NEW.timestamp, NEW.data));
            RETURN NEW;
        END
        $fn$;

        DO $backfill$
        DECLARE e record;
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'mt_events_chain' AND tgrelid = '{{schema}}.mt_events'::regclass) THEN
                RETURN;
            END IF;
            FOR e IN SELECT seq_id FROM {{schema}}.mt_events
                      WHERE type <> 'tombstone' AND (headers IS NULL OR NOT headers ? '{{HeaderName}}')
                      ORDER BY stream_id, version
            LOOP
                UPDATE {{schema}}.mt_events t SET headers = coalesce(t.headers, '{}'::jsonb) || jsonb_build_object('{{HeaderName}}',
                    {{schema}}.mt_event_chain_hash(
                        (SELECT p.headers ->> '{{HeaderName}}' FROM {{schema}}.mt_events p WHERE p.stream_id = t.stream_id AND p.version = t.version - 1),
                        t.stream_id, t.version, t.type, t.id, t.timestamp, t.data))
                 WHERE t.seq_id = e.seq_id;
            END LOOP;
        END
        $backfill$;

        CREATE OR REPLACE TRIGGER mt_events_chain BEFORE INSERT ON {{schema}}.mt_events
            FOR EACH ROW EXECUTE FUNCTION {{schema}}.mt_event_chain();
        """;

    public static async Task InstallAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(Sql(schema), connection, transaction))
            await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
