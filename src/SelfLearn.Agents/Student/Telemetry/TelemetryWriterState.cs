namespace SelfLearn.Agents.Student.Telemetry;

/// <summary>The writer's counters and last failure, updated by its one reader and read by /health at any time.</summary>
internal sealed class TelemetryWriterState
{
    private long _queued;
    private long _written;
    private long _deadLettered;
    private long _lost;
    private volatile bool _failing;
    private volatile TelemetryFailure? _lastFailure;

    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Written, parked or lost: the writer is done with them.</summary>
    public long Handled => Interlocked.Read(ref _written) + Interlocked.Read(ref _deadLettered) + Interlocked.Read(ref _lost);

    public TelemetryWriterStatus Status
    {
        get
        {
            long written = Interlocked.Read(ref _written), deadLettered = Interlocked.Read(ref _deadLettered), lost = Interlocked.Read(ref _lost);
            var waiting = Math.Max(0, Queued - written - deadLettered - lost);
            return new(waiting, written, deadLettered, lost, _failing, _lastFailure);
        }
    }

    public void Enqueued() => Interlocked.Increment(ref _queued);

    public void Wrote(int count) => Interlocked.Add(ref _written, count);

    public void Parked() => Interlocked.Increment(ref _deadLettered);

    public void Lost(long count) => Interlocked.Add(ref _lost, count);

    /// <summary>A failed attempt; the writer stays <c>failing</c> until an attempt succeeds.</summary>
    public void Failed(TelemetryFailure failure)
    {
        _lastFailure = failure;
        _failing = true;
    }

    /// <summary>A refusal of some records' data: noted, but the writer is not stuck.</summary>
    public void Refused(TelemetryFailure failure) => _lastFailure = failure;

    public void Succeeded() => _failing = false;
}
