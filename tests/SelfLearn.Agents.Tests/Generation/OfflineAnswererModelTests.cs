using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Teacher.Calibration;
using SelfLearn.Agents.Tests.Embeddings;
using SelfLearn.Agents.Tests.Teacher.Calibration;

namespace SelfLearn.Agents.Tests.Generation;

/// <summary>The offline answerer with the app's real embedding model (snowflake-arctic-embed-xs) at the default threshold.</summary>
public sealed class OfflineAnswererModelTests(ArcticXsFixture fixture) : IClassFixture<ArcticXsFixture>
{
    private const string BeachLine = "[10 May 2023] Alice: Max loves the beach at Brighton.";

    private static readonly PromptMemory[] Delivered =
    [
        new(1, 0.9, "[9 May 2023] Alice: I adopted a dog named Max last spring."),
        new(2, 0.3, BeachLine),
    ];

    [Theory]
    [InlineData("Where does my dog like to go?")]
    [InlineData("Where does Max like to go?")]
    public async Task Where_the_dog_likes_to_go_is_answered_with_the_beach_not_the_adoption_nor_I_dont_know(string question)
    {
        var answer = await new OfflineAnswerer(fixture.Embedder).AnswerAsync(Delivered, question, OfflineAnswerer.DefaultSupportThreshold, 0, 1, CancellationToken.None);

        Assert.Equal((BeachLine, false), (answer.Text, answer.Abstained));
    }

    [Fact]
    public async Task A_question_the_memories_do_not_touch_is_an_abstention()
    {
        var answer = await new OfflineAnswerer(fixture.Embedder)
            .AnswerAsync(Delivered, "What is my resting heart rate?", OfflineAnswerer.DefaultSupportThreshold, 0, 1, CancellationToken.None);

        Assert.Equal((OfflineAnswerer.Abstention, true), (answer.Text, answer.Abstained));
    }

    /// <summary>
    /// The default's derivation (docs/IMPACT_FACTORS.md): on the built-in library's tuning items of the judge calibration
    /// set, the support below which exactly the unanswerable share (16 of 99) would abstain, on the factor's 0.01 grid.
    /// </summary>
    [Fact]
    public async Task The_default_threshold_abstains_as_often_as_the_built_in_library_has_unanswerable_questions()
    {
        var items = ShippedSet.Split(CalibrationSplits.Tuning).Where(i => i.Id.StartsWith("builtin-", StringComparison.Ordinal)).ToList();
        var answerer = new OfflineAnswerer(fixture.Embedder);
        var supports = new List<double>();
        foreach (var item in items)
        {
            var context = item.Context.Select((text, i) => new PromptMemory(i + 1, 0, text)).ToList();
            supports.Add((await answerer.AnswerAsync(context, item.Question, 0, 0, 1, CancellationToken.None)).Support);
        }

        var unanswerable = items.Count(i => !i.Answerable);
        supports.Sort();
        Assert.Equal((99, 16), (items.Count, unanswerable));
        Assert.Equal(OfflineAnswerer.DefaultSupportThreshold, Math.Round((supports[unanswerable - 1] + supports[unanswerable]) / 2, 2));
        Assert.Equal(20, supports.Count(s => s < OfflineAnswerer.DefaultSupportThreshold));
    }
}
