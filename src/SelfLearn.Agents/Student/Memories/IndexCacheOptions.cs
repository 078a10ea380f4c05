using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>Bounds of <see cref="MemoryIndexCache"/> (configuration section <c>Student:IndexCache</c>).</summary>
public sealed class IndexCacheOptions
{
    public const string Section = "Student:IndexCache";

    /// <summary>Users (per deployment) whose index stays in memory; the least recently used one goes first.</summary>
    [Range(1, int.MaxValue)]
    public int MaxUsers { get; set; } = 1000;

    /// <summary>
    /// Memories over all cached indexes, about 4.5 KB each with 384-dimension vectors (so about 450 MB at the default);
    /// a user with more is served but not kept.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxMemories { get; set; } = 100_000;

    /// <summary>
    /// Whether each query reads the memory and catalog versions to see other nodes' writes (docs/CLUSTER.md). Off is
    /// the behaviour from before several nodes, correct on a single node only: kept as the benchmark's baseline.
    /// </summary>
    public bool ReadVersions { get; set; } = true;
}
