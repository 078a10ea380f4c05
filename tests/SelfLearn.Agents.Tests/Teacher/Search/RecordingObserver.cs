using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Tests.Teacher.Search;

internal sealed class RecordingObserver : ISearchObserver
{
    public List<(SearchTrialRecorded Trial, SearchProgress Progress)> Seen { get; } = [];

    public ValueTask TrialAsync(SearchTrialRecorded trial, SearchProgress progress, CancellationToken ct)
    {
        Seen.Add((trial, progress));
        return ValueTask.CompletedTask;
    }
}
