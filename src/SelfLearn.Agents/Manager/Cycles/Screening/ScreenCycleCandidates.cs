using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Recording;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Manager.Cycles.Screening;

/// <summary>The screen's figures, or why the candidates were not screened.</summary>
public sealed record ScreenOutcome(CandidateScreen? Screen, string? Note);

/// <summary>
/// Screens a cycle's drafted changes before any experiment runs: the base configuration and each change are scored on
/// the goal's first primary metric by the search's offline evaluator (<see cref="OfflineTrialEvaluator"/>: the
/// Student's own retrieval and answer step over a LoCoMo file, in process). The file is indexed once per process, on
/// the first screen. A metric the evaluator does not compute, a missing file or <c>Manager:Screening:Enabled=false</c>
/// leave the plan unscreened, with a note saying why.
/// </summary>
public sealed class ScreenCycleCandidates(
    IOptions<CycleScreeningOptions> options, ITextEmbedder embedder, [FromKeyedServices(SecondEmbedder.MiniLm)] ITextEmbedder second,
    AnswerGenerator answers, ILogger<ScreenCycleCandidates> log) : IDisposable
{
    private sealed record Loaded(SearchSource Source, OfflineTrialEvaluator Evaluator, IReadOnlyList<string> Conversations, int Questions);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Loaded? _loaded;

    public async Task<ScreenOutcome> ScreenAsync(
        SelfLearn.Domain.Manager.Goals.FormalGoal goal, CycleDraft draft, IReadOnlyDictionary<string, JsonElement> baseParameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(baseParameters);
        var settings = options.Value;
        if (draft.Changes.Count == 0)
            return new ScreenOutcome(null, null);
        if (!settings.Enabled)
            return Unscreened($"screening is off ({CycleScreeningOptions.Section}:Enabled).");
        var primary = goal.Primary[0];
        if (!OfflineTrialEvaluator.Offered.Contains(primary.Metric, StringComparer.Ordinal))
            return Unscreened($"{primary.Metric} is not computed offline (docs/SEARCH.md lists the metrics that are).");
        if (RepositoryPaths.Find(settings.Dataset) is not { } path || !File.Exists(path))
            return Unscreened($"the screening dataset {settings.Dataset} was not found.");

        try
        {
            return await ScreenAsync(path, primary, draft, baseParameters, settings, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The screen only orders the drafts; the experiments still decide, so a screen that cannot run costs the order, not the cycle.
            log.LogWarning(e, "The cycle's offline screen failed; the drafts keep the planner's order.");
            return Unscreened($"the screen failed: {e.Message}");
        }
    }

    private async Task<ScreenOutcome> ScreenAsync(
        string path, SelfLearn.Domain.Manager.Goals.GoalObjective primary, CycleDraft draft, IReadOnlyDictionary<string, JsonElement> baseParameters,
        CycleScreeningOptions settings, CancellationToken ct)
    {
        var loaded = await LoadAsync(path, settings, ct);
        var reads = OfflineTrialEvaluator.ReadKeys;
        var baseFigure = await FigureAsync(loaded, baseParameters, primary.Metric, ct);
        var figures = new List<double?>(draft.Changes.Count);
        foreach (var change in draft.Changes)
            figures.Add(reads.Contains(change.Factor)
                ? await FigureAsync(loaded, Parameters.Merge(baseParameters, new Dictionary<string, JsonElement> { [change.Factor] = change.To }), primary.Metric, ct)
                : null);
        var screening = new CycleScreening(loaded.Source.Name, loaded.Source.Sha256, loaded.Conversations, loaded.Questions, primary.Metric, baseFigure);
        var note = primary.Segment is { } segment ? $"the candidates were screened on all questions of {loaded.Source.Name}, not on the segment {segment}." : null;
        return new ScreenOutcome(new CandidateScreen(screening, figures), note);
    }

    private static ScreenOutcome Unscreened(string why) => new(null, $"the candidates were not screened offline: {why}");

    private static async Task<double> FigureAsync(Loaded loaded, IReadOnlyDictionary<string, JsonElement> parameters, string metric, CancellationToken ct) =>
        (await loaded.Evaluator.EvaluateAsync(parameters, loaded.Conversations, ct)).Metrics[metric];

    private async Task<Loaded> LoadAsync(string path, CycleScreeningOptions settings, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_loaded is not null)
                return _loaded;
            var conversations = LocomoIngestion.Select(LocomoDataset.Load(path), [.. settings.Conversations]);
            log.LogInformation("Indexing {Count} conversation(s) of {Dataset} for the cycles' screening (once per process).", conversations.Count, path);
            var dataset = (await IndexedDataset.BuildAsync(conversations, embedder, null, ct)).WithSecondEmbedder(second);
            var evaluator = new OfflineTrialEvaluator(dataset, answers, new AnswerSimilarity(embedder), settings.Parallelism);
            _loaded = new Loaded(SearchSource.FromFile(path, conversations), evaluator,
                [.. evaluator.Conversations.Select(c => c.Id)], evaluator.Conversations.Sum(c => c.Questions));
            return _loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
