using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>
/// Vectors in <c>&lt;schema&gt;.embedding_cache</c> (little-endian float32 bytes), so a re-run over the same texts skips the model.
/// Writes go through a binary COPY into a temporary table, then one INSERT … ON CONFLICT DO NOTHING:
/// thousands of rows per round trip, and concurrent writers of the same text do not collide.
/// </summary>
public sealed partial class PostgresEmbeddingCache(NpgsqlDataSource dataSource, string schema = "selflearn") : IEmbeddingCache
{
    private readonly string _table = $"{ValidSchema(schema)}.embedding_cache";
    private readonly Lock _gate = new();
    private bool _tableReady;

    public IReadOnlyDictionary<string, float[]> GetMany(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (keys.Count == 0)
            return found;

        EnsureTable();
        using var command = dataSource.CreateCommand($"SELECT key, vector FROM {_table} WHERE key = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        using var reader = command.ExecuteReader();
        while (reader.Read())
            found[reader.GetString(0)] = VectorBytes.To(reader.GetFieldValue<byte[]>(1));
        return found;
    }

    public void PutMany(string model, IReadOnlyDictionary<string, float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
            return;

        EnsureTable();
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "CREATE TEMP TABLE embedding_cache_incoming (key text, vector bytea) ON COMMIT DROP");
        using (var import = connection.BeginBinaryImport("COPY embedding_cache_incoming (key, vector) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (key, vector) in vectors)
            {
                import.StartRow();
                import.Write(key, NpgsqlDbType.Text);
                import.Write(VectorBytes.From(vector), NpgsqlDbType.Bytea);
            }

            import.Complete();
        }

        using (var insert = new NpgsqlCommand(
            // Inserting in key order makes concurrent writers of overlapping keys wait for each other instead of deadlocking.
            $"INSERT INTO {_table} (key, model, vector, created) SELECT key, $1, vector, now() FROM embedding_cache_incoming ORDER BY key ON CONFLICT (key) DO NOTHING",
            connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = model });
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private void EnsureTable()
    {
        lock (_gate)
        {
            if (_tableReady)
                return;
            var schemaName = _table[.._table.IndexOf('.', StringComparison.Ordinal)];
            using var connection = dataSource.OpenConnection();
            try
            {
                Execute(connection, $"""
                    CREATE SCHEMA IF NOT EXISTS {schemaName};
                    CREATE TABLE IF NOT EXISTS {_table} (
                        key text PRIMARY KEY,
                        model text NOT NULL,
                        vector bytea NOT NULL,
                        created timestamptz NOT NULL DEFAULT now())
                    """);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Another process created it between our IF NOT EXISTS check and the CREATE.
            }

            _tableReady = true;
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string ValidSchema(string schema) =>
        schema is not null && SchemaName().IsMatch(schema)
            ? schema
            : throw new ArgumentException($"'{schema}' is not a plain lower-case schema name.", nameof(schema));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
