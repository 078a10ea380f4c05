using System.Collections;
using System.Diagnostics;

namespace SelfLearn.Api.Tests.Observability;

/// <summary>
/// What the in-memory exporter collects: background work (Wolverine's agents, the telemetry writer) ends spans on other
/// threads while a test reads, so every access takes the lock.
/// </summary>
public sealed class SpanLog : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _spans.Count; }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_lock) _spans.Add(item);
    }

    public void Clear()
    {
        lock (_lock) _spans.Clear();
    }

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_lock) return [.. _spans];
    }

    /// <summary>Waits until a span that <paramref name="match"/> accepts has ended (the server's span ends after the response is read).</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        for (var tries = 0; tries < 600; tries++)
        {
            if (Snapshot().FirstOrDefault(match) is { } span)
                return span;
            await Task.Delay(50);
        }
        throw new TimeoutException("The expected span never ended.");
    }

    public bool Contains(Activity item)
    {
        lock (_lock) return _spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_lock) _spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_lock) return _spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
