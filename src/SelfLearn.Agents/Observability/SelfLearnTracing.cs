using System.Diagnostics;

namespace SelfLearn.Agents.Observability;

/// <summary>
/// The app's own trace sources and the tags their spans carry, in one place: the host listens to these names when
/// OpenTelemetry exports (src/SelfLearn.Api/Hosting/ObservabilitySetup.cs, docs/CLUSTER.md). With no listener a
/// source starts no span, so the stages cost nothing when tracing is off.
/// </summary>
public static class SelfLearnTracing
{
    /// <summary>The Student's query stages: config, embed, load, retrieve, generate.</summary>
    public const string StudentSourceName = "SelfLearn.Student";

    /// <summary>The Manager's cycle steps, one span per step handled from the cycles' queue.</summary>
    public const string ManagerSourceName = "SelfLearn.Manager";

    public static ActivitySource Student { get; } = new(StudentSourceName);

    public static ActivitySource Manager { get; } = new(ManagerSourceName);

    public static IReadOnlyList<string> SourceNames { get; } = [StudentSourceName, ManagerSourceName];

    public static class Tags
    {
        public const string DeploymentId = "selflearn.deployment_id";
        public const string ConfigVersion = "selflearn.config_version";
        public const string ExperimentId = "selflearn.experiment_id";
        public const string Variant = "selflearn.variant";
        public const string CycleType = "selflearn.cycle_type";
        public const string RunId = "selflearn.run_id";
        public const string CycleId = "selflearn.cycle_id";
        public const string GoalId = "selflearn.goal_id";
        public const string CycleStep = "selflearn.cycle_step";
    }
}
