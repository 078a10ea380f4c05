using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Student.Configuration;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Tuner;

namespace SelfLearn.Agents.Student.Querying;

/// <summary>
/// The Student's query path: config (active, or the experiment variant's) → query vector (and the second model's, when
/// the config selects one) → hybrid retrieval → grounded answer → a pipeline run for telemetry. A failure after validation still leaves a run, with its error.
/// </summary>
public sealed class AnswerQuestion(
    IDocumentStore store, CatalogCache catalog, ITextEmbedder embedder, MemoryIndexCache indexes, AnswerGenerator generator, TelemetryWriter telemetry,
    TimeProvider clock, [FromKeyedServices(SecondEmbedder.MiniLm)] ITextEmbedder miniLm, IOptions<IndexCacheOptions> cacheOptions)
{
    private readonly bool readVersions = cacheOptions.Value.ReadVersions;

    public const int MaxQuestionLength = 2000;

    public static string? Validate(QueryRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.DeploymentId)) return "'deploymentId' is required.";
        if (string.IsNullOrWhiteSpace(request.UserId)) return "'userId' is required.";
        if (request.UserId.Length > IngestMemories.MaxIdLength || request.ThreadId?.Length > IngestMemories.MaxIdLength)
            return $"ids are at most {IngestMemories.MaxIdLength} characters.";
        if (string.IsNullOrWhiteSpace(request.Question)) return "'question' is required.";
        if (request.Question.Length > MaxQuestionLength) return $"'question' is longer than {MaxQuestionLength} characters.";
        if (RequestTags.Validate(request.CycleType, ("experimentId", request.ExperimentId), ("variant", request.Variant),
                ("simulationId", request.SimulationId), ("exampleId", request.ExampleId)) is { } badTag)
            return badTag;
        if (request.AsOf is { } asOf && !Timestamps.TryParse(asOf, out _)) return $"'asOf' '{asOf}' is not an ISO-8601 timestamp.";
        return null;
    }

    /// <summary>
    /// A refusal (unknown deployment, experiment or variant) is a 400 and leaves no run; any failure after validation —
    /// including the client going away — leaves the run with its error and is rethrown.
    /// </summary>
    public async Task<(QueryResponse? Response, string? Error)> HandleAsync(QueryRequest request, CancellationToken ct)
    {
        if (Validate(request) is { } invalid)
            return (null, invalid);
        var total = Stopwatch.StartNew();
        var stage = Stopwatch.StartNew();
        var run = new RunRecorder(request, clock.GetUtcNow());
        try
        {
            StudentConfig? config;
            string? error;
            run.Begin("config");
            long memoryVersion;
            await using (var session = store.QuerySession())
                (config, error, memoryVersion) = await StudentConfigResolver.ResolveWithMemoryVersionAsync(session, catalog, request.DeploymentId!,
                    request.ExperimentId, request.Variant, request.UserId!, request.ThreadId, request.CycleType, readVersions, ct);
            run.Config = config;
            run.End(stage);
            if (config is null)
                return (null, error);

            var response = await RunAsync(request, config, memoryVersion, run, stage, total, ct);
            telemetry.Enqueue(run.Finish(response, total.Elapsed.TotalMilliseconds));
            return (response, null);
        }
        catch (Exception e)
        {
            telemetry.Enqueue(run.Fail(e, ct.IsCancellationRequested, total.Elapsed.TotalMilliseconds));
            throw;
        }
    }

    private async Task<QueryResponse> RunAsync(
        QueryRequest request, StudentConfig config, long memoryVersion, RunRecorder run, Stopwatch stage, Stopwatch total, CancellationToken ct)
    {
        var settings = RetrievalSettings.From(config.Parameters);
        var promptVersion = config.Parameters["generation.system_prompt_version"].GetString()!;
        var prompt = PromptCatalog.Find(promptVersion)
            ?? throw new InvalidOperationException($"generation.system_prompt_version '{promptVersion}' names no prompt template.");

        stage.Restart();
        run.Begin("embed");
        var vector = (await embedder.EmbedAsync([request.Question!], EmbeddingKind.Query, ct))[0];
        var second = settings.SecondEmbedder == SecondEmbedder.MiniLm
            ? (miniLm, (await miniLm.EmbedAsync([request.Question!], EmbeddingKind.Query, ct))[0])
            : ((ITextEmbedder, float[])?)null;
        run.End(stage);
        run.Begin("load");
        var index = await indexes.GetAsync(request.DeploymentId!, request.UserId!, memoryVersion, ct);
        run.End(stage);
        run.Begin("retrieve");
        var asOf = request.AsOf is { } at ? Timestamps.Parse(at) : (DateTimeOffset?)null;
        var retrieved = await RetrieveMemories.RunAsync(index, request.Question!, vector, second, settings, asOf, clock, ct);
        run.End(stage);

        run.Begin("generate");
        var context = DeliveredContext.From(retrieved.Items);
        var temperature = config.Parameters["generation.temperature"].GetDouble();
        var supportThreshold = config.Parameters[OfflineAnswerer.SupportThresholdKey].GetDouble();
        var answer = await generator.AnswerAsync(prompt, context, request.Question!, temperature, supportThreshold,
            AnswerSeed.For(request.ThreadId, request.UserId!, request.Question!), ct);
        run.End(stage);
        run.Rejected = answer.Rejected;

        var items = retrieved.Items.Select(i => new RetrievedItem(i.Memory.Id, i.Memory.SourceId, i.Memory.Speaker, i.Memory.Text, i.Memory.Timestamp,
            i.Score, new ScoreParts(i.Components.Bm25, i.Components.Dense, i.Components.Recency, i.Components.Keyword, i.Components.Neighbor, i.Components.Fused,
            second is null ? null : i.Components.SecondDense))).ToList();
        run.Mark("total", total);
        return new QueryResponse(run.RunId, answer.Text, answer.Abstained, items, new TokenUsage(answer.InputTokens, answer.OutputTokens),
            run.Latency, config.ConfigVersion, config.ExperimentId, config.Variant, run.CycleType, [.. retrieved.Ranked.Select(m => m.SourceId)]);
    }
}
