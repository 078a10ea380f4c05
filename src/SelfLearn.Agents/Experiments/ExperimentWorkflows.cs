using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SelfLearn.Agents.Experiments.Live;
using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Experiments.Simulations;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Teacher.Search.Confirming;

namespace SelfLearn.Agents.Experiments;

public static class ExperimentWorkflows
{
    /// <summary>Per scope, like the message bus they send the Tuner's commands through.</summary>
    public static IServiceCollection AddExperimentWorkflows(this IServiceCollection services)
    {
        services.AddScoped<PrepareVariants>();
        services.AddScoped<SimulationExperiment>();
        services.AddScoped<SimulationRecords>();
        services.AddSingleton<StoredRuns>();
        services.AddSingleton<LiveSampleRatio>();
        services.TryAddSingleton<TeacherTables>();
        services.AddSingleton<ObservedRunWriter>();
        services.AddSingleton<MaasObservations>();
        services.AddScoped<RunSimulation>();
        services.AddScoped<EvaluateRetrieval>();
        services.AddScoped<ConfirmSearch>();
        return services.AddScoped<ImportLocomo>();
    }
}
