using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SelfLearn.Domain.Configuration;
using SelfLearn.Agents.Scheduling;
using Wolverine;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// One occurrence of the online monitor's schedule: for every deployment, evaluate the degradation rules, test the
/// running online experiment's last window for a sample-ratio mismatch, and check the active activation's offline
/// prediction once its version has run long enough.
/// </summary>
public sealed record EvaluateDegradation;

public static class EvaluateDegradationHandler
{
    public static async Task Handle(
        EvaluateDegradation _, IDocumentStore store, DegradationRuleEvaluator evaluator, WatchSampleRatio sampleRatio, ObserveOnlineOutcome validity,
        ILogger<EvaluateDegradation> log, CancellationToken ct)
    {
        IReadOnlyList<string> deployments;
        await using (var session = store.QuerySession())
            deployments = await session.Query<Deployment>().Select(d => d.Id).ToListAsync(ct);
        foreach (var deploymentId in deployments)
        {
            try
            {
                var report = await evaluator.EvaluateAsync(deploymentId, ct);
                if (report.Action is DegradationAction.RolledBack or DegradationAction.PinnedAlerted or DegradationAction.RollbackRefused)
                    log.LogWarning("Degradation rules of {Deployment}: {Action}. {Detail}", deploymentId, report.Action, report.Detail);
                foreach (var mismatch in await sampleRatio.RunAsync(deploymentId, ct))
                    log.LogWarning("Sample-ratio mismatch on {Deployment}: {Message}", deploymentId, mismatch.Message);
                if ((await validity.RunAsync(deploymentId, ct)).Observed is { } observed)
                    log.LogInformation("Activation {Activation} of {Deployment} checked against live traffic: {Agreeing} of {Pairs} predicted directions held so far.",
                        observed.Activation, deploymentId, observed.Running.Agreeing, observed.Running.Pairs);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One deployment's failure must not keep the others unwatched; the next occurrence tries it again.
                log.LogError(e, "Evaluating the degradation rules of {Deployment} failed.", deploymentId);
            }
        }
    }
}

public static class DegradationSchedule
{
    public const string Name = "degradation-rules";

    public static IServiceCollection AddDegradationRules(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDegradationGate, OpenDegradationGate>();
        services.AddSingleton<WatchSampleRatio>();
        services.AddScoped<DegradationDemo>();
        return services.AddSingleton<DegradationRuleEvaluator>();
    }

    /// <summary>
    /// A Wolverine recurring schedule (one agent per cluster, each occurrence deduplicated by its time) publishes
    /// <see cref="EvaluateDegradation"/> every <c>Online:EvaluateSeconds</c> to a durable local queue, so an occurrence
    /// survives a crash and two app processes never evaluate the same occurrence twice.
    /// </summary>
    public static WolverineOptions AddDegradationSchedule(this WolverineOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seconds = configuration.GetValue($"{OnlineOptions.Section}:{nameof(OnlineOptions.EvaluateSeconds)}", new OnlineOptions().EvaluateSeconds);
        options.Publish(rule => rule.Message<EvaluateDegradation>().ToLocalQueue(Name));
        options.LocalQueue(Name).UseDurableInbox().Sequential();
        if (seconds > 0)
            options.Schedules.ScheduleRecurring(Name, Cron(seconds, nameof(OnlineOptions.EvaluateSeconds)), _ => new EvaluateDegradation());
        return options;
    }

    /// <summary>The schedule of an <c>Online</c> period: see <see cref="RecurringCron.Every"/>.</summary>
    public static string Cron(int seconds, string setting = nameof(OnlineOptions.EvaluateSeconds)) =>
        RecurringCron.Every(seconds, $"{OnlineOptions.Section}:{setting}");
}
