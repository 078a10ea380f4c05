namespace SelfLearn.Agents.Teacher.Judging.Caching;

/// <summary>
/// A judge behind a score cache: the same answer judged again by the same judge and version is read back, not judged;
/// another version is another key, so changed rules or a changed rubric never reuse old scores.
/// </summary>
public sealed class CachedJudge(IAnswerJudge inner, IJudgeCache cache) : IAnswerJudge
{
    public string Name => inner.Name;

    public string Version => inner.Version;

    public IAnswerJudge Inner => inner;

    public async Task<JudgeScore> JudgeAsync(JudgeInput input, CancellationToken ct)
    {
        var key = JudgeCacheKey.For(Name, Version, input);
        if (await cache.GetAsync(key, ct).ConfigureAwait(false) is { } known)
            return known;
        var score = await inner.JudgeAsync(input, ct).ConfigureAwait(false);
        await cache.PutAsync(key, input, score, ct).ConfigureAwait(false);
        return score;
    }
}
