using System.Collections.Concurrent;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Tests.Memories;

/// <summary>A memory source whose loads finish when the test says so, counting how often each user was loaded.</summary>
internal sealed class ScriptedMemorySource : IMemorySource
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TaskCompletionSource<IReadOnlyList<MemoryEntry>>>> pending = new();
    private readonly ConcurrentDictionary<string, int> loads = new();

    /// <summary>When set, loads answer at once with this many memories per user instead of waiting for the test.</summary>
    public Func<string, int>? Immediate { get; init; }

    public int Loads(string user) => loads.GetValueOrDefault(user);

    public Task<IReadOnlyList<MemoryEntry>> LoadAsync(string deploymentId, string userId, CancellationToken ct)
    {
        loads.AddOrUpdate(userId, 1, (_, n) => n + 1);
        if (Immediate is { } count)
            return Task.FromResult(Memories(count(userId)));
        var load = new TaskCompletionSource<IReadOnlyList<MemoryEntry>>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.GetOrAdd(userId, _ => new()).Enqueue(load);
        return load.Task;
    }

    /// <summary>The oldest load of <paramref name="user"/> still waiting.</summary>
    public TaskCompletionSource<IReadOnlyList<MemoryEntry>> Waiting(string user) =>
        pending.TryGetValue(user, out var queue) && queue.TryDequeue(out var load) ? load : throw new InvalidOperationException($"no load of {user} is waiting");

    public static IReadOnlyList<MemoryEntry> Memories(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new MemoryEntry(Guid.NewGuid(), $"note {i}", null, DateTimeOffset.UnixEpoch, null, "s", i, []))];
}
