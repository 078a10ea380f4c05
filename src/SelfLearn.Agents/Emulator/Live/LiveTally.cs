using System.Collections.Concurrent;
using SelfLearn.Agents.Maas;

namespace SelfLearn.Agents.Emulator.Live;

/// <summary>
/// What live traffic did: queries sent, answered, abstained, failed; who served them (an experiment's variant, or the
/// active config version), the users' ratings, and the latency the users saw (p50/p95 over answered queries).
/// </summary>
public sealed record LiveResult(
    long Sent,
    long Answered,
    long Abstained,
    long Failed,
    long IngestsFailed,
    IReadOnlyDictionary<string, long> ServedBy,
    long RatedUp,
    long RatedDown,
    long FeedbackFailed,
    double? P50Ms,
    double? P95Ms,
    TimeSpan Elapsed,
    IReadOnlyList<string> Errors,
    bool Stopped)
{
    public double AchievedRate => Elapsed.TotalSeconds > 0 ? Sent / Elapsed.TotalSeconds : 0;

    /// <summary>"experiment/variant" when an online experiment served the query, else "version N".</summary>
    public static string Server(QueryResponse response) =>
        response.ExperimentId is { } experiment ? $"{experiment}/{response.Variant}" : $"version {response.ConfigVersion}";
}

internal sealed class LiveTally
{
    private long _sent, _answered, _abstained, _failed, _ingestsFailed, _up, _down, _feedbackFailed;
    private readonly ConcurrentDictionary<string, long> _servedBy = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentQueue<string> _errors = new();

    public LiveProgress Progress => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _answered), Interlocked.Read(ref _failed));

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Answered(QueryResponse response, double milliseconds)
    {
        Interlocked.Increment(ref _answered);
        if (response.Abstained) Interlocked.Increment(ref _abstained);
        _servedBy.AddOrUpdate(LiveResult.Server(response), 1, (_, n) => n + 1);
        _latencies.Add(milliseconds);
    }

    public void Rated(FeedbackRating rating) => Interlocked.Increment(ref rating.Thumbs == "up" ? ref _up : ref _down);

    public void Failed(string error) => Note(ref _failed, error);

    public void IngestFailed(string error) => Note(ref _ingestsFailed, error);

    public void FeedbackFailed(string error) => Note(ref _feedbackFailed, error);

    public LiveResult Result(TimeSpan elapsed, bool stopped)
    {
        var sorted = _latencies.Order().ToArray();
        return new LiveResult(_sent, _answered, _abstained, _failed, _ingestsFailed,
            _servedBy.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            _up, _down, _feedbackFailed, Percentile(sorted, 0.5), Percentile(sorted, 0.95), elapsed, [.. _errors], stopped);
    }

    private void Note(ref long counter, string error)
    {
        Interlocked.Increment(ref counter);
        if (_errors.Count < LiveUsers.KeptErrors) _errors.Enqueue(error);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
