using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Caching;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>Every part of what a judge sees is part of the cache key; nothing else is.</summary>
public sealed class JudgeCacheKeyTests
{
    private static readonly JudgeInput Input = new("q?", "answer", false, ["item a", "item b"], "golden", true);

    [Fact]
    public void The_same_judgement_has_the_same_key() =>
        Assert.Equal(JudgeCacheKey.For("offline", "v1", Input), JudgeCacheKey.For("offline", "v1", Input with { DeliveredContext = ["item a", "item b"] }));

    [Fact]
    public void Judge_version_question_answer_context_and_golden_truth_each_change_the_key()
    {
        var keys = new[]
        {
            JudgeCacheKey.For("offline", "v1", Input),
            JudgeCacheKey.For("llm:m", "v1", Input),
            JudgeCacheKey.For("offline", "v2", Input),
            JudgeCacheKey.For("offline", "v1", Input with { Question = "q!" }),
            JudgeCacheKey.For("offline", "v1", Input with { Answer = "answer." }),
            JudgeCacheKey.For("offline", "v1", Input with { DeliveredContext = ["item b", "item a"] }),
            JudgeCacheKey.For("offline", "v1", Input with { Abstained = true }),
            JudgeCacheKey.For("offline", "v1", Input with { GoldenAnswer = null }),
            JudgeCacheKey.For("offline", "v1", Input with { Answerable = false }),
        };

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Fields_are_delimited_so_moving_text_between_them_changes_the_key() =>
        Assert.NotEqual(JudgeCacheKey.ContextHash(["ab", "c"]), JudgeCacheKey.ContextHash(["a", "bc"]));
}
