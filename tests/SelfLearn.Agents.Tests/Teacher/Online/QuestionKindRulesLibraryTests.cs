using SelfLearn.Agents.Emulator.Library;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Teacher.Online;

namespace SelfLearn.Agents.Tests.Teacher.Online;

/// <summary>How well the word rules find the kinds the seed-42 library wrote (the figures docs/ONLINE.md quotes).</summary>
public sealed class QuestionKindRulesLibraryTests
{
    [Fact]
    public async Task The_rules_recover_the_library_kinds_they_can_tell_from_the_words()
    {
        var set = (await ScenarioLibrary.BuildAsync(new TemplateScenarioAuthor(), 42, 36, ct: TestContext.Current.CancellationToken)).Set;
        var questions = set.Scenarios.SelectMany(s => s.Questions).ToList();
        string Recall(string kind)
        {
            var ofKind = questions.Where(q => q.Kind == kind).ToList();
            return $"{kind} {ofKind.Count(q => QuestionKindRules.Classify(q.Text) == kind)}/{ofKind.Count}";
        }
        var expectedSingleHop = new[] { QuestionKinds.SingleHop, QuestionKinds.MultiHop, QuestionKinds.Unanswerable };
        var sortedAsSingleHop = questions.Where(q => expectedSingleHop.Contains(q.Kind)).ToList();

        Assert.Equal("temporal 61/61|knowledge-update 34/38|preference 35/47|single-hop, multi-hop, unanswerable 111/126",
            string.Join("|", Recall(QuestionKinds.Temporal), Recall(QuestionKinds.KnowledgeUpdate), Recall(QuestionKinds.Preference),
                $"single-hop, multi-hop, unanswerable {sortedAsSingleHop.Count(q => QuestionKindRules.Classify(q.Text) == QuestionKinds.SingleHop)}/{sortedAsSingleHop.Count}"));
    }
}
