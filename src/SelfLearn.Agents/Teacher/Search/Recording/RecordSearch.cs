using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search.Recording;

/// <summary>A search as recorded: its id (the stream <c>search:&lt;id&gt;</c>), its plan and what it found.</summary>
public sealed record RecordedSearch(string SearchId, SearchPlan Plan, SearchReport Report, string? DeploymentId, int? BaseVersion);

/// <summary>
/// The <c>search</c> use case: validates the request against the catalog and the deployment's active configuration
/// before anything is embedded or written, indexes the dataset once (both embedders: the space may select the second),
/// records the search's start, every trial (in batches) and its end in the search's stream, and returns the report. A
/// search that fails or is cancelled after its start is recorded as abandoned with the trials it had (a failure is then
/// thrown as <see cref="SearchAbandonedException"/>).
/// </summary>
public sealed class RecordSearch(
    SearchJournal journal, SearchBaseReader bases, ITextEmbedder embedder, [FromKeyedServices(SecondEmbedder.MiniLm)] ITextEmbedder second,
    AnswerGenerator answers, TimeProvider clock)
{
    /// <exception cref="SearchRefusedException">The request cannot run; nothing is written.</exception>
    public async Task<(SearchPlan Plan, SearchBase Base)> PlanAsync(SearchRequest request, SearchSource source, string deploymentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var start = await bases.ReadAsync(deploymentId, ct);
        var plan = SearchPlan.Create(request, start.Catalog, start.Parameters,
            [.. source.Conversations.Select(c => (c.SampleId, c.Questions.Count(q => q.HasEvidence)))], OfflineTrialEvaluator.Offered, OfflineTrialEvaluator.ReadKeys);
        return (plan, start);
    }

    public async Task<RecordedSearch> RunAsync(
        SearchPlan plan, SearchBase start, SearchSource source, string deploymentId, string by, int parallelism,
        IProgress<LocomoProgress>? embedding, ISearchObserver? observer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(source);
        var dataset = (await IndexedDataset.BuildAsync([.. source.Conversations.Where(c => plan.Conversations.Any(p => p.Id == c.SampleId))],
            embedder, embedding, ct)).WithSecondEmbedder(second);
        var searchId = SearchJournal.NewSearchId();
        var baseVersion = start.Version;
        var deployment = baseVersion is null ? null : deploymentId;
        Require(await journal.StartAsync(plan.Started(searchId, source.Name, source.Sha256, deployment, baseVersion, by), ct), "started");

        var recorder = new JournalingObserver(journal, observer);
        SearchReport report;
        try
        {
            report = await new RunSearch(new OfflineTrialEvaluator(dataset, answers, new AnswerSimilarity(embedder), parallelism), clock).RunAsync(plan, searchId, recorder, ct);
            await recorder.FlushAsync(ct);
        }
        catch (OperationCanceledException)
        {
            await AbandonAsync(recorder, searchId, "cancelled");
            throw;
        }
        catch (Exception e)
        {
            var reason = $"failed: {e.Message}";
            await AbandonAsync(recorder, searchId, reason);
            throw new SearchAbandonedException(searchId, reason, e);
        }
        Require(await journal.CompleteAsync(report.ToCompleted(searchId), CancellationToken.None), "completed");
        return new RecordedSearch(searchId, plan, report, deployment, baseVersion);
    }

    /// <summary>Keeps the trials scored before the end (they are the audit trail of what was tried), then closes the stream.</summary>
    private async Task AbandonAsync(JournalingObserver recorder, string searchId, string reason)
    {
        try
        {
            await recorder.FlushAsync(CancellationToken.None);
        }
        finally
        {
            await journal.AbandonAsync(new SearchAbandoned(searchId, reason), CancellationToken.None);
        }
    }

    private static void Require(TunerOutcome outcome, string what)
    {
        if (outcome.Status != TunerStatus.Accepted)
            throw new InvalidOperationException($"the search could not be recorded as {what}: {outcome.Describe()}");
    }
}
