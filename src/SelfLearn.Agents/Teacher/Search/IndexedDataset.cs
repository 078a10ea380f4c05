using System.Globalization;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// A QA item with evidence, its question embedded once. <see cref="GoldenAnswer"/> is null when the item gives none;
/// an unanswerable (adversarial) item is answered correctly by an abstention.
/// </summary>
public sealed record IndexedQuestion(
    int Category, string Question, float[] Vector, IReadOnlyList<string> Evidence, string? GoldenAnswer = null, bool Answerable = true);

/// <summary>One conversation as the MaaS holds it for its user: the memory index and the questions asked of it.</summary>
public sealed record IndexedConversation(string SampleId, MemoryIndex Index, IReadOnlyList<IndexedQuestion> Questions);

/// <summary>
/// A LoCoMo dataset ingested once, in memory, as <see cref="LocomoIngestion"/> stores it over HTTP: each conversation a
/// user, each session a thread and session, each turn a memory dated by its session with its speaker and dia id, the
/// vector of "speaker: text" from the app's embedder (and so its cache). The lexical date prefix has its own postings in
/// every index; the second embedder's vectors are one more slab in the same indexes, built once by <see cref="Second"/>
/// on the first configuration that selects it. So one index per conversation serves every configuration.
/// </summary>
public sealed record IndexedDataset(IReadOnlyList<IndexedConversation> Conversations)
{
    public int Questions => Conversations.Sum(c => c.Questions.Count);

    /// <summary>The second model's vectors, built on first use; null when the dataset was given no second model.</summary>
    public SecondModelIndex? Second { get; init; }

    /// <summary>This dataset, able to evaluate configurations that select <paramref name="model"/> as second embedder.</summary>
    public IndexedDataset WithSecondEmbedder(ITextEmbedder model) => this with { Second = new SecondModelIndex(model, Conversations) };

    /// <summary>
    /// The question vectors of the second model when <paramref name="settings"/> select one (building them on first
    /// use), else null.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings select a second model and the dataset has none.</exception>
    public async Task<IReadOnlyDictionary<string, float[]>?> SecondQuestionVectorsAsync(RetrievalSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.SecondEmbedder == SecondEmbedder.None)
            return null;
        if (Second is null)
            throw new InvalidOperationException("The configuration selects a second embedder, but the dataset was indexed without one.");
        if (!ReferenceEquals(Second.Conversations, Conversations))
            throw new InvalidOperationException("The second embedder was given to other conversations; give it to this dataset with WithSecondEmbedder.");
        return await Second.EnsureAsync(ct);
    }

    public static async Task<IndexedDataset> BuildAsync(
        IReadOnlyList<LocomoConversation> conversations, ITextEmbedder embedder, IProgress<LocomoProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(embedder);
        var turns = conversations.Sum(c => c.Turns.Count());
        var indexed = new List<IndexedConversation>(conversations.Count);
        foreach (var conversation in conversations)
            indexed.Add(await IndexAsync(conversation, embedder, turns, progress, ct));
        return new IndexedDataset(indexed);
    }

    /// <summary>The memories of one conversation, in ingest order; ids follow that order.</summary>
    public static async Task<IReadOnlyList<MemoryEntry>> MemoriesAsync(LocomoConversation conversation, ITextEmbedder embedder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(embedder);
        var turns = conversation.Sessions.SelectMany(s => s.Turns.Select((turn, ordinal) => (Session: s, Turn: turn, Ordinal: ordinal))).ToList();
        var vectors = await embedder.EmbedAsync([.. turns.Select(t => IngestMemories.Passage(t.Turn.Speaker, t.Turn.MemoryText))], EmbeddingKind.Passage, ct);
        return [.. turns.Select((t, i) => new MemoryEntry(
            new Guid(i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), t.Turn.MemoryText, t.Turn.Speaker,
            Timestamps.Parse(t.Session.Date.ToString("O", CultureInfo.InvariantCulture)), t.Turn.DiaId,
            LocomoIngestion.ThreadId(t.Session), t.Ordinal, vectors[i]))];
    }

    private static async Task<IndexedConversation> IndexAsync(
        LocomoConversation conversation, ITextEmbedder embedder, int totalTurns, IProgress<LocomoProgress>? progress, CancellationToken ct)
    {
        var memories = await MemoriesAsync(conversation, embedder, ct);
        progress?.Report(new LocomoProgress(LocomoStep.Ingesting, totalTurns, memories.Count));
        var asked = conversation.Questions.Where(q => q.HasEvidence).ToList();
        var vectors = await embedder.EmbedAsync([.. asked.Select(q => q.Question)], EmbeddingKind.Query, ct);
        return new IndexedConversation(conversation.SampleId, new MemoryIndex(memories),
            [.. asked.Select((q, i) => Indexed(q, vectors[i]))]);
    }

    private static IndexedQuestion Indexed(LocomoQuestion item, float[] vector)
    {
        var answerable = item.Category != LocomoCategory.Adversarial;
        var golden = !answerable ? item.AdversarialAnswer ?? item.Answer : string.IsNullOrWhiteSpace(item.Answer) ? null : item.Answer;
        return new IndexedQuestion(item.Category, item.Question, vector, item.Evidence, golden, answerable);
    }
}
