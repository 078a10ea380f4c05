using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>How <see cref="BatchingEmbedder"/> gathers concurrent requests into model batches (section <c>Student:Embedding</c>).</summary>
public sealed class EmbeddingBatchOptions
{
    public const string Section = "Student:Embedding";

    /// <summary>Texts handed to the model at once; the model still runs them in length-sorted chunks of its own batch size.</summary>
    [Range(1, 4096)]
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>
    /// How long a batch that is not full waits for more texts before it goes to the model. Texts that arrive while the
    /// model is busy join the next batch anyway, so this mostly matters when the model is idle.
    /// </summary>
    [Range(0, 1000)]
    public int MaxWaitMs { get; set; } = 2;
}
