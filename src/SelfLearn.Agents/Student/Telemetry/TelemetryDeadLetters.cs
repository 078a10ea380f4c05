using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// Parks a record the database refused in <c>telemetry_dead_letters</c>, with the refusal, so one bad record never
/// holds up the others. The record is kept as JSON in which every non-ASCII character is escaped (<c>\u0000</c>
/// included): ASCII text always fits a <c>text</c> column, which neither the raw strings nor <c>jsonb</c> would.
/// </summary>
public static class TelemetryDeadLetters
{
    public const string Table = $"{TelemetrySchema.Schema}.telemetry_dead_letters";

    private const string Insert = $"""
        INSERT INTO {Table} (at, run_id, kind, record_json, sql_state, error) VALUES ($1, $2, $3, $4, $5, $6)
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Kind(ITelemetryRecord record) => record.GetType().Name;

    public static string ToJson(ITelemetryRecord record) => JsonSerializer.Serialize(record, record.GetType(), Json);

    /// <summary>Reads a parked record back, e.g. <c>FromJson&lt;PipelineRun&gt;(record_json)</c>.</summary>
    public static T? FromJson<T>(string recordJson) where T : ITelemetryRecord => JsonSerializer.Deserialize<T>(recordJson, Json);

    public static async Task ParkAsync(NpgsqlDataSource dataSource, ITelemetryRecord record, TelemetryFailure failure, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter { Value = failure.At, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = record.RunId });
        command.Parameters.Add(new NpgsqlParameter { Value = Kind(record) });
        command.Parameters.Add(new NpgsqlParameter { Value = ToJson(record) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)failure.SqlState ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Storable(failure.Message) });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>An error message may quote the bad value; escape what PostgreSQL text cannot hold.</summary>
    private static string Storable(string text)
    {
        if (!text.Any(c => c == '\0' || char.IsSurrogate(c)))
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c == '\0' || char.IsSurrogate(c))
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }
}
