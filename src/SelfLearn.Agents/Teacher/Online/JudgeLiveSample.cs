using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>One occurrence of the judging schedule: grade the sampled live runs not judged yet.</summary>
public sealed record JudgeLiveSample;

public static class JudgeLiveSampleHandler
{
    public static async Task Handle(JudgeLiveSample _, JudgeOnlineSample judge, ILogger<JudgeLiveSample> log, CancellationToken ct)
    {
        try
        {
            if (await judge.RunAsync(ct) is > 0 and var folded)
                log.LogInformation("Online judging graded and folded {Runs} sampled live run(s).", folded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next occurrence tries again; a failed pass must not dead-letter the schedule's queue.
            log.LogWarning(e, "Online judging: grading the sampled live runs failed; the next occurrence tries again.");
        }
    }
}

public static class OnlineJudgingSchedule
{
    public const string Name = "online-judging";

    /// <summary>
    /// Like the degradation rules' schedule: a Wolverine recurring schedule publishes <see cref="JudgeLiveSample"/>
    /// every <c>Online:JudgeIntervalSeconds</c> to a durable local queue, so with several nodes one of them grades each
    /// occurrence, instead of every node judging the same runs.
    /// </summary>
    public static WolverineOptions AddOnlineJudgingSchedule(this WolverineOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seconds = configuration.GetValue($"{OnlineOptions.Section}:{nameof(OnlineOptions.JudgeIntervalSeconds)}", new OnlineOptions().JudgeIntervalSeconds);
        options.Publish(rule => rule.Message<JudgeLiveSample>().ToLocalQueue(Name));
        options.LocalQueue(Name).UseDurableInbox().Sequential();
        if (seconds > 0)
            options.Schedules.ScheduleRecurring(Name, DegradationSchedule.Cron(seconds, nameof(OnlineOptions.JudgeIntervalSeconds)), _ => new JudgeLiveSample());
        return options;
    }
}
