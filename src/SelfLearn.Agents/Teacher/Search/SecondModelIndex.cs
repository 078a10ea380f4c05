using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// A dataset's vectors by the second model (<c>retrieval.second_embedder</c>): each conversation's memories get theirs
/// in their own index, by the same code that gives them to a user's index on the MaaS, and each question its query
/// vector. Built once, when the first configuration that selects the model is evaluated, and reused by every later one;
/// the build belongs to the dataset, so a caller that gives up stops waiting and a failed build is retried by the next.
/// </summary>
public sealed class SecondModelIndex(ITextEmbedder model, IReadOnlyList<IndexedConversation> conversations)
{
    private readonly Lock gate = new();
    private Task<IReadOnlyDictionary<string, float[]>>? questions;

    public ITextEmbedder Model => model;

    /// <summary>The conversations whose indexes this fills: those of the dataset it was made for.</summary>
    public IReadOnlyList<IndexedConversation> Conversations => conversations;

    /// <summary>The question vectors by question text, once every memory of the dataset has its second vector.</summary>
    public Task<IReadOnlyDictionary<string, float[]>> EnsureAsync(CancellationToken ct)
    {
        Task<IReadOnlyDictionary<string, float[]>> build;
        lock (gate)
        {
            if (questions is null || questions.IsFaulted || questions.IsCanceled)
                questions = BuildAsync();
            build = questions;
        }

        return build.WaitAsync(ct);
    }

    private async Task<IReadOnlyDictionary<string, float[]>> BuildAsync()
    {
        foreach (var conversation in conversations)
            await SecondModelVectors.FillAsync(conversation.Index, model, CancellationToken.None);
        var texts = conversations.SelectMany(c => c.Questions.Select(q => q.Question)).Distinct(StringComparer.Ordinal).ToList();
        var vectors = await model.EmbedAsync(texts, EmbeddingKind.Query, CancellationToken.None);
        return texts.Zip(vectors).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }
}
