using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfLearn.Agents.Teacher.Metrics.Folding;
using SelfLearn.Agents.Teacher.Online;

namespace SelfLearn.Agents.Teacher.Metrics;

public static class TeacherMetricsSetup
{
    /// <summary>The metric tables and aggregates; <see cref="PriceOptions"/> are bound by the host.</summary>
    public static IServiceCollection AddTeacherMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<TeacherTables>();
        services.AddSingleton<GoldenExampleTable>();
        services.AddSingleton<JudgeScoreStore>();
        services.AddSingleton<RunsToJudge>();
        services.AddSingleton<RunFold>();
        services.AddSingleton<OnlineWindowReader>();
        services.AddSingleton<ReadQuestionMix>();
        services.AddSingleton<ObserveOnlineOutcome>();
        services.AddDegradationRules();
        return services.AddSingleton<AggregateMetrics>();
    }
}
