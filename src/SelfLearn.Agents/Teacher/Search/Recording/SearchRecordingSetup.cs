using Marten;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Agents.Tuner;

namespace SelfLearn.Agents.Teacher.Search.Recording;

public static class SearchRecordingSetup
{
    public static IServiceCollection AddSearchRecording(this IServiceCollection services) =>
        services.AddSingleton(sp => new SearchJournal(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<CatalogCache>()))
            .AddSingleton<SearchBaseReader>()
            .AddTransient<RecordSearch>();
}
