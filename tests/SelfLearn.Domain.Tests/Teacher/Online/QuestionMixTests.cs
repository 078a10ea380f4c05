using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Teacher.Online;

namespace SelfLearn.Domain.Tests.Teacher.Online;

public sealed class QuestionMixTests
{
    [Theory]
    [InlineData("When did I sign the lease?", QuestionKinds.Temporal)]
    [InlineData("Which came first: the trip or the party?", QuestionKinds.Temporal)]
    [InlineData("What's the current headcount for the party?", QuestionKinds.KnowledgeUpdate)]
    [InlineData("Where do I work now?", QuestionKinds.KnowledgeUpdate)]
    [InlineData("How do I memorise material most effectively?", QuestionKinds.Preference)]
    [InlineData("Which cuisine do I prefer?", QuestionKinds.Preference)]
    [InlineData("Do you know my sister's city?", QuestionKinds.SingleHop)]
    [InlineData("Which code did the authorities give our paperwork?", QuestionKinds.SingleHop)]
    [InlineData("Когда я подписал договор?", QuestionKinds.Temporal)]
    [InlineData("Где я сейчас работаю?", QuestionKinds.KnowledgeUpdate)]
    public void A_question_is_sorted_by_the_first_rule_its_words_match(string question, string kind) =>
        Assert.Equal(kind, QuestionKindRules.Classify(question));

    [Fact]
    public void Jensen_shannon_is_zero_for_equal_mixes_one_for_disjoint_ones_and_the_hand_worked_value_between()
    {
        Assert.Equal(0, JensenShannon.Divergence(new Dictionary<string, double> { ["a"] = 2, ["b"] = 2 }, new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.5 }), 12);
        Assert.Equal(1, JensenShannon.Divergence(new Dictionary<string, double> { ["a"] = 1 }, new Dictionary<string, double> { ["b"] = 3 }), 12);
        // p = (½, ½), q = (1, 0), m = (¾, ¼): ½[½ log2(⅔) + ½ log2 2] + ½[log2(4/3)] = 0.311278…
        var expected = 0.5 * (0.5 * Math.Log2(0.5 / 0.75) + 0.5 * Math.Log2(0.5 / 0.25)) + 0.5 * Math.Log2(1 / 0.75);
        Assert.Equal(0.311278124459133, expected, 12);
        Assert.Equal(expected, JensenShannon.Divergence(new Dictionary<string, double> { ["a"] = 1, ["b"] = 1 }, new Dictionary<string, double> { ["a"] = 7 }), 12);
    }

    [Fact]
    public void Each_window_counts_its_live_kinds_and_measures_them_against_the_golden_shares()
    {
        var t0 = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        var mix = QuestionMixes.Of("golden", 3, ["When was it?", "What is my dog called?", "What do I prefer?", "Who called?"],
            [(t0.AddMinutes(1), "Where is the key?"), (t0, "When did we meet?"), (t0, "What's my job these days?")]);

        Assert.Equal(new Dictionary<string, double> { ["single-hop"] = 0.5, ["temporal"] = 0.25, ["knowledge-update"] = 0, ["preference"] = 0.25 }, mix.Golden);
        Assert.Equal([t0, t0.AddMinutes(1)], mix.Windows.Select(w => w.WindowStart));
        Assert.Equal(new Dictionary<string, long> { ["single-hop"] = 0, ["temporal"] = 1, ["knowledge-update"] = 1, ["preference"] = 0 }, mix.Windows[0].Live);
        // live (0, ½, ½, 0) against golden (½, ¼, 0, ¼), kinds in order single-hop, temporal, update, preference
        double[] p = [0, 0.5, 0.5, 0], q = [0.5, 0.25, 0, 0.25];
        var js = Enumerable.Range(0, 4).Sum(i => Half(p[i], (p[i] + q[i]) / 2) + Half(q[i], (p[i] + q[i]) / 2));
        Assert.Equal(js, mix.Windows[0].Divergence, 12);
        Assert.Equal(3, mix.Overall!.Questions);
        Assert.Equal(0, JensenShannon.Divergence(new Dictionary<string, double> { ["single-hop"] = 1 }, new Dictionary<string, double> { ["single-hop"] = 2 }), 12);
    }

    private static double Half(double x, double m) => x > 0 ? 0.5 * x * Math.Log2(x / m) : 0;
}
