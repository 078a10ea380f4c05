namespace SelfLearn.Agents.Teacher.Judging.Caching;

/// <summary>Stored scores by <see cref="JudgeCacheKey"/>.</summary>
public interface IJudgeCache
{
    Task<JudgeScore?> GetAsync(string key, CancellationToken ct);

    Task PutAsync(string key, JudgeInput input, JudgeScore score, CancellationToken ct);
}
