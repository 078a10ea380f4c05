using System.Diagnostics;
using System.Text.Json;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Teacher.Judging.Offline;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// Scores a configuration on an <see cref="IndexedDataset"/> with the Student's own code, question by question: its
/// retrieval (<see cref="OfflineEvaluator.Retrieve"/>, timed in process for <c>latency.retrieve_ms</c>), the evidence
/// metrics of <see cref="QuestionMetrics"/>, and its answer step (<see cref="AnswerGenerator"/> over the context lines the
/// query path builds) for <c>tokens.in</c> and the abstention rates, and the offline judge's correctness rule
/// (<see cref="OfflineCorrectness"/>) on that answer for <c>answer.correctness</c>. Means are over questions in dataset
/// order; the golden-answer metrics over the questions that have one and that the metric counts (0 when there is none).
/// </summary>
public sealed class OfflineTrialEvaluator(IndexedDataset dataset, AnswerGenerator answers, AnswerSimilarity similarity, int parallelism) : ITrialEvaluator
{
    public const string TokensIn = "tokens.in";
    public const string RetrieveMs = "latency.retrieve_ms";
    public const string AbstentionRate = "answer.abstention_rate";
    public const string Correctness = "answer.correctness";
    public const string CorrectAbstentionRate = "answer.correct_abstention_rate";
    public const string WrongAbstentionRate = "answer.wrong_abstention_rate";

    private readonly Dictionary<string, IndexedConversation> _byId = dataset.Conversations.ToDictionary(c => c.SampleId, StringComparer.Ordinal);

    public IReadOnlyList<(string Id, int Questions)> Conversations { get; } = [.. dataset.Conversations.Select(c => (c.SampleId, c.Questions.Count))];

    /// <summary>The registry metrics every score holds.</summary>
    public static IReadOnlyList<string> Offered { get; } = [.. QuestionMetrics.Names, Correctness, AbstentionRate, CorrectAbstentionRate, WrongAbstentionRate, RetrieveMs, TokensIn];

    /// <summary>The factors whose values reach the retrieval or the answer step.</summary>
    public static IReadOnlyCollection<string> ReadKeys { get; } =
        [.. RetrievalFactorKeys.All, PromptCatalog.FactorKey, "generation.temperature", OfflineAnswerer.SupportThresholdKey];

    public IReadOnlyList<string> Metrics => Offered;

    public IReadOnlyCollection<string> Reads => ReadKeys;

    public async Task<TrialScore> EvaluateAsync(IReadOnlyDictionary<string, JsonElement> parameters, IReadOnlyList<string> conversations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(conversations);
        var settings = RetrievalSettings.From(parameters);
        var promptVersion = parameters[PromptCatalog.FactorKey].GetString()!;
        var prompt = PromptCatalog.Find(promptVersion)
            ?? throw new InvalidOperationException($"{PromptCatalog.FactorKey} '{promptVersion}' names no prompt template.");
        var temperature = parameters["generation.temperature"].GetDouble();
        var supportThreshold = parameters[OfflineAnswerer.SupportThresholdKey].GetDouble();
        // Built once per dataset, on the first configuration that selects the second model; later ones find it done.
        var second = await dataset.SecondQuestionVectorsAsync(settings, ct);
        var questions = conversations.SelectMany(id => _byId[id].Questions.Select(q => (Conversation: _byId[id], Question: q))).ToList();

        var values = new Dictionary<string, double>[questions.Count];
        await Parallel.ForAsync(0, questions.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (i, token) =>
        {
            var (conversation, question) = questions[i];
            var started = Stopwatch.GetTimestamp();
            var retrieved = OfflineEvaluator.Retrieve(conversation, question, settings, second?[question.Question]);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var row = new Dictionary<string, double>(StringComparer.Ordinal) { [RetrieveMs] = elapsed };
            QuestionMetrics.Compute([.. retrieved.Ranked.Select(m => m.SourceId ?? "")], [.. retrieved.Items.Select(item => item.Memory.SourceId ?? "")],
                question.Evidence, row);
            var answer = await answers.AnswerAsync(prompt, DeliveredContext.From(retrieved.Items), question.Question, temperature, supportThreshold,
                Seed(conversation.SampleId, question.Question), token);
            row[TokensIn] = answer.InputTokens;
            row[AbstentionRate] = answer.Abstained ? 1 : 0;
            if (question.GoldenAnswer is not null)
                row[question.Answerable ? WrongAbstentionRate : CorrectAbstentionRate] = answer.Abstained ? 1 : 0;
            var abstained = OfflineCorrectness.Abstained(answer.Text, answer.Abstained);
            var cosine = OfflineCorrectness.NeedsSimilarity(question.GoldenAnswer, question.Answerable)
                ? await similarity.OfAsync(answer.Text, question.GoldenAnswer!, token) : 0;
            if (OfflineCorrectness.Decide(answer.Text, abstained, question.GoldenAnswer, question.Answerable, cosine) is { } correct)
                row[Correctness] = correct ? 1 : 0;
            values[i] = row;
        });

        var metrics = Metrics.ToDictionary(
            name => name,
            name => name == RetrieveMs ? SkewedMedian.Of(values.Select(v => v[name])) : Mean(values, name),
            StringComparer.Ordinal);
        return new TrialScore(questions.Count, metrics);
    }

    private static double Mean(IEnumerable<Dictionary<string, double>> rows, string name)
    {
        var present = rows.Where(row => row.ContainsKey(name)).Select(row => row[name]).ToList();
        return present.Count == 0 ? 0 : present.Average();
    }

    /// <summary>A fixed draw per question of a conversation, so the answerer's seeded choice repeats across trials.</summary>
    private static long Seed(string conversation, string question) =>
        $"{conversation}\n{question}".Aggregate(1469598103934665603L, (h, c) => unchecked((h ^ c) * 1099511628211L));
}
