using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// When and how a user's dense retrieval switches from the exact scan to an HNSW index (configuration section
/// <c>Student:Ann</c>). Below <see cref="Threshold"/> memories the exact scan runs, unchanged.
/// </summary>
public sealed class AnnOptions
{
    public const string Section = "Student:Ann";

    /// <summary>Memories (with vectors or not) from which a user's index gets an HNSW index for its dense side.</summary>
    [Range(1, int.MaxValue)]
    public int Threshold { get; set; } = 20_000;

    /// <summary>
    /// How many nearest memories the HNSW index returns per query; they get their exact cosine, every other memory a raw
    /// dense score of 0 (<see cref="ApproximateDense"/>). Also the search's expansion (its beam width), so more candidates
    /// are also found more exactly, and how many best BM25 hits <see cref="CandidateScoring"/> always fuses.
    /// </summary>
    [Range(HybridRetriever.RankedDepth, 100_000)]
    public int Candidates { get; set; } = 500;

    /// <summary>
    /// Links per node of the HNSW graph (its M). 48, not the usual 16: with 16, a memory that has more near-copies than
    /// a node keeps links (2·M) became hard to reach, and recall@10 fell to 21% at 100k memories (docs/BENCHMARKS.md).
    /// </summary>
    [Range(4, 256)]
    public int Connectivity { get; set; } = 48;

    /// <summary>Beam width while a memory is inserted (efConstruction): higher builds slower and finds better.</summary>
    [Range(16, 4096)]
    public int ExpansionAdd { get; set; } = 128;

    /// <summary>
    /// Memories per graph: a larger user's memories are spread over several graphs by position, built side by side and
    /// searched together (the best <see cref="Candidates"/> of all of them). One graph over a million memories lost 80%
    /// of recall@10, because each memory had more near-copies than a node keeps links, and took 57 minutes to build
    /// (docs/BENCHMARKS.md); ten graphs of 100k lost 0.28% and took 5.5 minutes, at the price of searching all ten.
    /// </summary>
    [Range(1_000, int.MaxValue)]
    public int ShardSize { get; set; } = 100_000;
}
