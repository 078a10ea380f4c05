using Microsoft.Extensions.DependencyInjection;

namespace SelfLearn.Agents.Teacher.Evaluation;

public static class TeacherEvaluationSetup
{
    /// <summary>The evaluate and recompute workflows; they need the Teacher's metrics and the configured <c>IAnswerJudge</c>.</summary>
    public static IServiceCollection AddTeacherEvaluation(this IServiceCollection services) =>
        services.AddSingleton<ExperimentRuns>().AddTransient<JudgeUnscoredRuns>().AddTransient<EvaluateExperiment>().AddSingleton<RecomputeVerdict>();
}
