using System.Text.Json;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Querying;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// Evaluates a configuration on an <see cref="IndexedDataset"/> in process with the Student's own retrieval
/// (<see cref="RetrieveMemories"/>): every question's delivered items are scored against its evidence turns, as
/// <c>eval-retrieval</c> scores the items <c>/maas/v1/query</c> returns (recall@k, hit@k, overall and per category).
/// </summary>
public static class OfflineEvaluator
{
    /// <param name="parameters">A full parameter map, as the Tuner validates it (catalog defaults merged).</param>
    public static RetrievalSummary Evaluate(IndexedDataset dataset, IReadOnlyDictionary<string, JsonElement> parameters, int parallelism, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var settings = RetrievalSettings.From(parameters);
        // Built once per dataset, on the first configuration that selects the second model; later ones find it done.
        var second = dataset.SecondQuestionVectorsAsync(settings, ct).GetAwaiter().GetResult();
        var questions = dataset.Conversations.SelectMany(c => c.Questions.Select(q => (Conversation: c, Question: q))).ToList();
        var scores = new ItemRetrievalScore?[questions.Count];
        Parallel.For(0, questions.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, i =>
        {
            var (conversation, question) = questions[i];
            var delivered = Retrieve(conversation, question, settings, second?[question.Question]).Items.Select(item => item.Memory.SourceId ?? "").ToList();
            scores[i] = RetrievalScoring.Score(question.Category, delivered, question.Evidence);
        });
        return RetrievalScoring.Summarize(scores);
    }

    /// <summary>What <c>/maas/v1/query</c> retrieves for this question of this conversation's user (no <c>asOf</c>).</summary>
    /// <param name="secondQuestionVector">The question by the second model, when <paramref name="settings"/> select one.</param>
    public static RetrievalResult Retrieve(IndexedConversation conversation, IndexedQuestion question, RetrievalSettings settings, float[]? secondQuestionVector = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(question);
        return RetrieveMemories.Run(conversation.Index, question.Question, question.Vector, settings, null, TimeProvider.System, secondQuestionVector);
    }
}
