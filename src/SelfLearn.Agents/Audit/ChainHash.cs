using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SelfLearn.Agents.Audit;

/// <summary>
/// The tamper-evidence hash of one event: SHA-256 (lower-case hex) over the previous event's hash in the same stream and the
/// event's stream, version, type, id, timestamp (microseconds since the Unix epoch) and data as PostgreSQL prints its jsonb,
/// joined by line feeds. The database trigger in <see cref="EventChainSchema"/> computes the same text on insert; this is
/// the independent recomputation that <see cref="EventChainVerifier"/> compares with it.
/// </summary>
public static class ChainHash
{
    public static string Compute(string? previousHash, string streamId, long version, string type, Guid id, DateTimeOffset timestamp, string dataJson)
    {
        var micros = (timestamp.UtcDateTime - DateTime.UnixEpoch).Ticks / 10;
        var text = string.Join('\n', previousHash ?? string.Empty, streamId, version.ToString(CultureInfo.InvariantCulture), type,
            id.ToString("D"), micros.ToString(CultureInfo.InvariantCulture), dataJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
