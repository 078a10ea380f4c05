using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Agents.Emulator.Locomo;
using SelfLearn.Agents.Emulator.Running;
using SelfLearn.Agents.Locomo;
using SelfLearn.Agents.Teacher.Metrics;
using SelfLearn.Agents.Tests.Emulator;
using SelfLearn.Agents.Tests.Locomo;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Tests.Teacher;

/// <summary>Golden examples carry exactly the example ids the emulator tags its queries with, so runs join to their truth.</summary>
public sealed class GoldenExampleTests
{
    private static IReadOnlyList<string> AskedIds(ScenarioSet set) =>
        [.. SimulationPlan.Build(set, new SimulationSettings("s1", "default", "exp", ["a", "b"])).Runs
            .Where(r => r.Variant == "a").SelectMany(r => r.Threads).SelectMany(t => t.Queries).Select(q => q.ExampleId!)];

    [Fact]
    public async Task Every_query_the_emulator_sends_has_one_golden_example_and_every_example_is_asked()
    {
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 11, 6, ct: TestContext.Current.CancellationToken)).Set;

        var examples = GoldenExample.Of(set).Select(e => e.ExampleId).ToList();

        Assert.Equal(examples.Order(StringComparer.Ordinal), AskedIds(set).Order(StringComparer.Ordinal));
        Assert.Equal(examples.Count, examples.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_follow_up_is_an_example_of_its_own_sharing_its_questions_truth()
    {
        var set = new ScenarioSet(ScenarioSet.CurrentFormat, "hand", null, null, "hand-written", [HandWrittenScenario.Brief.Persona], [HandWrittenScenario.AnaMoves]);

        var examples = GoldenExample.Of(set).ToList();

        Assert.Equal(["ana-moves/q1", "ana-moves/q2", "ana-moves/q2/q2-f1", "ana-moves/q3"], examples.Select(e => e.ExampleId));
        var followUp = examples[2];
        Assert.Equal(("ana-moves", "q2", "q2-f1", QuestionKinds.KnowledgeUpdate, "ana", "relocation-helper", "Berlin.", true),
            (followUp.ScenarioId, followUp.QuestionId, followUp.FollowUpId, followUp.Kind, followUp.Persona, followUp.Project, followUp.GoldenAnswer, followUp.Answerable));
        Assert.Equal(["s2-t3"], followUp.EvidenceSourceIds);
        Assert.Equal((false, 0), (examples[3].Answerable, examples[3].EvidenceSourceIds.Count));
    }

    [Fact]
    public void LoCoMo_examples_are_the_sample_and_the_QA_position_with_dia_ids_as_evidence()
    {
        var set = LocomoScenarios.Convert(LocomoDataset.Load(LocomoDevFile.Path), "locomo-dev").Set;

        var examples = GoldenExample.Of(set).ToDictionary(e => e.ExampleId);

        Assert.Equal(set.Questions.Count(), examples.Count);
        var first = examples["conv-26/q001"];
        Assert.Equal((QuestionKinds.Temporal, "locomo-speaker", "locomo", true), (first.Kind, first.Persona, first.Project, first.Answerable));
        Assert.Equal(["D1:3"], first.EvidenceSourceIds);
        Assert.Equal(["D1:9", "D1:11"], examples["conv-26/q003"].EvidenceSourceIds);
        var adversarial = examples["conv-26/q153"];
        Assert.Equal((QuestionKinds.Unanswerable, false), (adversarial.Kind, adversarial.Answerable));
        Assert.Empty(adversarial.EvidenceSourceIds);
        Assert.Equal(AskedIds(set).Order(StringComparer.Ordinal), examples.Keys.Order(StringComparer.Ordinal));
    }
}
