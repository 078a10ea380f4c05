using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using SelfLearn.Agents.Teacher.Judging;
using SelfLearn.Agents.Teacher.Judging.Caching;
using SelfLearn.Agents.Teacher.Judging.Llm;
using SelfLearn.Agents.Teacher.Judging.Offline;

namespace SelfLearn.Agents.Tests.Teacher.Judging;

/// <summary>Which judge the settings choose (docs/JUDGE.md), always behind the cache, and what a bad setting says.</summary>
public sealed class JudgesTests
{
    private sealed class NoCache : IJudgeCache
    {
        public Task<JudgeScore?> GetAsync(string key, CancellationToken ct) => Task.FromResult<JudgeScore?>(null);

        public Task PutAsync(string key, JudgeInput input, JudgeScore score, CancellationToken ct) => Task.CompletedTask;
    }

    private readonly List<string> _sections = [];

    private Judges With(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            () => new DistinctEmbedder(),
            section => { _sections.Add(section); return new ScriptedJudgeChat(); },
            new NoCache());

    [Fact]
    public void Without_settings_the_judge_is_the_offline_one_behind_the_cache()
    {
        var judge = Assert.IsType<CachedJudge>(With().Create());

        Assert.IsType<OfflineJudge>(judge.Inner);
        Assert.Equal(("offline", "offline-v2+distinct-test-axes"), (judge.Name, judge.Version));
    }

    [Fact]
    public void The_llm_judge_takes_the_teacher_model_when_one_is_named()
    {
        var judges = With(("Teacher:Judge", "llm"), ("Llm:Provider", "ollama"), ("Llm:Model", "student-model"),
            ("Teacher:Llm:Provider", "openai"), ("Teacher:Llm:Model", "judge-model"));

        var judge = Assert.IsType<CachedJudge>(judges.Create());

        Assert.IsType<LlmJudge>(judge.Inner);
        Assert.Equal(("llm:judge-model", JudgeRubric.Version), (judge.Name, judge.Version));
        Assert.Equal(["Teacher:Llm"], _sections);
    }

    [Fact]
    public void Without_a_teacher_model_the_llm_judge_uses_the_students()
    {
        var judge = With(("Llm:Provider", "ollama"), ("Llm:Model", "student-model")).Create("llm");

        Assert.Equal("llm:student-model", judge.Name);
        Assert.Equal(["Llm"], _sections);
    }

    [Fact]
    public void The_llm_judge_without_a_language_model_is_refused_with_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => With(("Teacher:Judge", "llm")).Create());

        Assert.StartsWith("the llm judge needs a language model, but Llm:Provider is offline", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sections);
    }

    [Fact]
    public void An_unknown_judge_is_refused() =>
        Assert.Equal("judge 'oracle' is not one of offline, llm.", Assert.Throws<ArgumentException>(() => With(("Teacher:Judge", "oracle")).Create()).Message);
}
