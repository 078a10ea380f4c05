using Marten;
using SelfLearn.Domain.Datasets;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Experiments.Datasets;

/// <summary>
/// Reads a dataset version back exactly as registered, and checks its bytes still match the recorded hash
/// (<see cref="DatasetContent.Sha256"/>, returned with the set).
/// </summary>
public static class LoadDataset
{
    public static async Task<(ScenarioSet? Set, string? Error, string? Sha256)> RunAsync(IQuerySession session, string name, int version, CancellationToken ct)
    {
        if (await session.LoadAsync<DatasetContent>(DatasetContent.IdFor(name, version), ct) is not { } content)
            return (null, $"no dataset '{name}' version {version}.", null);
        if (SelfLearn.Domain.Datasets.RegisterDataset.Sha256Of(System.Text.Encoding.UTF8.GetBytes(content.Json)) != content.Sha256)
            return (null, $"dataset '{name}' version {version} no longer matches its recorded hash.", null);
        var (set, error) = ScenarioJson.Parse(content.Json);
        return set is null ? (null, $"dataset '{name}' version {version} is not readable: {error}", null) : (set, null, content.Sha256);
    }
}
