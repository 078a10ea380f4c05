using System.Net.Sockets;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>
/// Why a telemetry write failed. A data error is the records' fault and fails the same way every time, so the batch
/// is split to find the bad record. A failure of the connection or the server (refused, down, timed out, a missing
/// table, no disk) is the database's state, so the same records are retried until it recovers. An unforeseen
/// exception on this side is taken as the records' fault: parking them keeps them, retrying them forever would not.
/// </summary>
public sealed record TelemetryFailure(DateTimeOffset At, bool IsDataError, string? SqlState, string Message)
{
    /// <summary>SQLSTATE classes a record causes: 22 data exception, 23 integrity constraint violation, 54 program limit exceeded.</summary>
    private static readonly string[] DataErrorClasses = ["22", "23", "54"];

    public static TelemetryFailure From(Exception e, DateTimeOffset at) => e switch
    {
        PostgresException p => new(at, DataErrorClasses.Contains(p.SqlState[..2]), p.SqlState, p.MessageText),
        NpgsqlException or TimeoutException or IOException or SocketException or ObjectDisposedException or OperationCanceledException
            => new(at, false, null, e.Message),
        _ => new(at, true, null, e.Message),
    };

    public override string ToString() => SqlState is null ? Message : $"{SqlState}: {Message}";
}
