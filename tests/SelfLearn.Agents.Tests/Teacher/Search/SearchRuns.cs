using SelfLearn.Agents.Teacher.Search;

namespace SelfLearn.Agents.Tests.Teacher.Search;

internal static class SearchRuns
{
    public static async Task<SearchReport> RunAsync(ITrialEvaluator evaluator, SearchRequest request, ISearchObserver? observer = null)
    {
        var search = new RunSearch(evaluator, new FixedClock());
        var plan = search.Plan(request, SearchCatalog.Default, SearchCatalog.Defaults);
        return await search.RunAsync(plan, "search-1", observer, CancellationToken.None);
    }

    public static double Number(this IReadOnlyDictionary<string, System.Text.Json.JsonElement> values, string key) => values[key].GetDouble();
}
