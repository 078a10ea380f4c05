using System.Text.Json;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// A one-step change the planner drafted for a cycle, what the offline screen measured for it (null when the plan was
/// not screened) and what became of it (<see cref="Outcome"/>): planned as one of this cycle's experiments, left for a
/// later cycle by the goal's budget, or dropped because it screened worse than the base configuration.
/// </summary>
public sealed record PlanCandidate(string Factor, JsonElement From, JsonElement To, double? Screened, string Outcome, string? Reason = null)
{
    public const string Planned = "planned";
    public const string Later = "later";
    public const string Dropped = "dropped";
}

/// <summary>
/// How a cycle's candidates were screened before any experiment ran: the LoCoMo dataset (file name and SHA-256), the
/// conversations and questions scored, the metric (the goal's first primary metric, on all questions) and the base
/// configuration's figure. Each candidate's figure is on <see cref="PlanCandidate.Screened"/>; rerunning the offline
/// evaluator on the same file and conversations gives the same figures.
/// </summary>
public sealed record CycleScreening(string Dataset, string Sha256, IReadOnlyList<string> Conversations, int Questions, string Metric, double Base);
