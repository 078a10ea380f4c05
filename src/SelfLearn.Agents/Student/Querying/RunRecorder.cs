using System.Diagnostics;
using SelfLearn.Agents.Student.Configuration;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Observability;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Agents.Student.Querying;

/// <summary>
/// Collects what one query did, stage by stage, into the pipeline run that telemetry stores; each stage is also a span
/// of <see cref="SelfLearnTracing.Student"/> under the request's, when something listens.
/// </summary>
internal sealed class RunRecorder(QueryRequest request, DateTimeOffset at)
{
    public const string CancelledByClient = "cancelled: the client went away before the answer";

    private readonly Dictionary<string, double> _latency = new(StringComparer.Ordinal);
    private string? _stage;
    private Activity? _span;

    public Guid RunId { get; } = Guid.CreateVersion7();

    public string CycleType { get; } = CycleTypes.Of(request.CycleType, request.ExperimentId);

    public string? Rejected { get; set; }

    /// <summary>The configuration the query runs with, once resolved; a run that failed before has none.</summary>
    public StudentConfig? Config { get; set; }

    public IReadOnlyDictionary<string, double> Latency => _latency;

    /// <summary>Opens a stage: its span starts now and its time is what <paramref name="watch"/> reads at <see cref="End"/>.</summary>
    public void Begin(string stage)
    {
        _stage = stage;
        _span = SelfLearnTracing.Student.StartActivity(stage);
    }

    /// <summary>Closes the open stage: records its time, ends its span and restarts the watch for the next stage.</summary>
    public void End(Stopwatch watch)
    {
        Mark(_stage!, watch);
        watch.Restart();
        CloseSpan(null);
    }

    /// <summary>Records a watch's time without restarting it (the total keeps running until the run is finished).</summary>
    public void Mark(string name, Stopwatch watch) => _latency[name] = Math.Round(watch.Elapsed.TotalMilliseconds, 3);

    public PipelineRun Finish(QueryResponse response, double totalMs)
    {
        _latency["total"] = Math.Round(totalMs, 3);
        return Run(response.Answer, response.Abstained, response.Items, response.RankedSourceIds ?? [], response.Usage,
            Rejected is null ? null : $"invalid model output: {Rejected}");
    }

    public PipelineRun Fail(Exception error, bool cancelledByClient, double totalMs)
    {
        _latency["total"] = Math.Round(totalMs, 3);
        CloseSpan(error);
        return Run(null, false, [], [], new TokenUsage(0, 0),
            cancelledByClient && error is OperationCanceledException ? CancelledByClient : $"{error.GetType().Name}: {error.Message}");
    }

    private void CloseSpan(Exception? error)
    {
        if (_span is null)
            return;
        _span.SetTag(SelfLearnTracing.Tags.DeploymentId, request.DeploymentId)
            .SetTag(SelfLearnTracing.Tags.RunId, RunId)
            .SetTag(SelfLearnTracing.Tags.ConfigVersion, Config?.ConfigVersion)
            .SetTag(SelfLearnTracing.Tags.ExperimentId, Config is null ? request.ExperimentId : Config.ExperimentId)
            .SetTag(SelfLearnTracing.Tags.Variant, Config is null ? request.Variant : Config.Variant)
            .SetTag(SelfLearnTracing.Tags.CycleType, CycleType);
        if (error is not null)
            _span.AddException(error).SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        _span.Dispose();
        _span = null;
    }

    private PipelineRun Run(string? answer, bool abstained, IReadOnlyList<RetrievedItem> items, IReadOnlyList<string?> ranked, TokenUsage usage, string? error) =>
        new(RunId, at, request.DeploymentId!, Config?.ConfigVersion, Config is null ? request.ExperimentId : Config.ExperimentId,
            Config is null ? request.Variant : Config.Variant, CycleType, request.SimulationId,
            request.ExampleId, request.UserId!,
            request.ThreadId, request.Question!, answer, abstained, [.. items.Select(i => i.MemoryId)], [.. items.Select(i => i.SourceId)],
            [.. items.Select(i => i.Score)], [.. ranked], [.. items.Select(i => i.Text)], usage.Input, usage.Output, new Dictionary<string, double>(_latency), error);
}
