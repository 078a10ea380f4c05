using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Experiments;

/// <summary>designed → started → stopped | completed | aborted; a designed experiment may also be aborted before it starts.</summary>
public static class ExperimentStatus
{
    public const string Designed = "designed";
    public const string Started = "started";
    public const string Stopped = "stopped";
    public const string Completed = "completed";
    public const string Aborted = "aborted";

    public static IReadOnlyList<string> All { get; } = [Designed, Started, Stopped, Completed, Aborted];

    public static bool IsFinished(string status) => status is Stopped or Completed or Aborted;

    /// <summary>The event when the experiment is in one of <paramref name="from"/>; else a conflict naming where it is.</summary>
    public static Decision Transition(Experiment experiment, string[] from, string verb, object @event) =>
        from.Contains(experiment.Status)
            ? Decision.Accept(@event)
            : Decision.Refuse($"experiment '{experiment.ExperimentId}' is {experiment.Status}; only {string.Join(" or ", from.Select(s => "a " + s))} " +
                $"experiment can be {verb}. Nothing was appended.");
}
