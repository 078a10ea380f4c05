using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Datasets;
using SelfLearn.Domain.Scenarios;
using Decider = SelfLearn.Domain.Datasets.RegisterDataset;

namespace SelfLearn.Agents.Experiments.Datasets;

public sealed record DatasetRegistration(string Name, int Version, string Sha256, bool Created);

/// <summary>
/// Records a scenario set as a dataset version: the event and the exact content are written in one transaction, so
/// there is never a version without its content; the same content again reuses the latest version.
/// </summary>
public static class RegisterDataset
{
    public static async Task<DatasetRegistration> RunAsync(IDocumentStore store, ScenarioSet set, string source, string by, CancellationToken ct)
    {
        var bytes = ScenarioJson.SerializeToUtf8(set);
        var sha = Decider.Sha256Of(bytes);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            try
            {
                var stream = await session.Events.FetchForWriting<GoldenDataset>(GoldenDataset.StreamKey(set.Name), ct);
                if (Decider.Decide(stream.Aggregate, set, sha, source, by) is not { } registered)
                    return new DatasetRegistration(set.Name, stream.Aggregate!.Latest.Registered.Version, sha, false);
                stream.AppendOne(registered);
                session.Store(new DatasetContent(DatasetContent.IdFor(set.Name, registered.Version), set.Name, registered.Version, sha,
                    System.Text.Encoding.UTF8.GetString(bytes)));
                await session.SaveChangesAsync(ct);
                return new DatasetRegistration(set.Name, registered.Version, sha, true);
            }
            catch (Exception e) when (ConcurrencyErrors.IsConflict(e) && attempt < 3)
            {
                // Another writer registered a version first: decide again against what it wrote.
            }
        }
    }
}
